package dev.camelzest.component.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints the RFC 7523 JWT-bearer assertions Zest exchanges for access tokens: EdDSA over Ed25519, the claims Zest
 * requires ({@code iss}, {@code sub} = {@code client_id}, {@code aud}, {@code iat}, {@code exp}) and a fresh
 * {@code jti} each time, valid for the 60 seconds Zest recommends.
 */
public final class AssertionSigner {

    public static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final String audience;
    private final Ed25519Signer signer;
    private final String keyId;
    private final Clock clock;

    public AssertionSigner(String issuer, String clientId, String audience, OctetKeyPair privateKey, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.audience = audience;
        this.keyId = privateKey.getKeyID();
        this.clock = clock;
        try {
            this.signer = new Ed25519Signer(privateKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The Zest private key cannot sign EdDSA assertions", e);
        }
    }

    /** A new signed assertion; treat it as a secret (it is a credential for 60 seconds). */
    public String sign() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(audience)
                .claim("client_id", clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT).keyID(keyId).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the Zest assertion failed", e);
        }
        return jwt.serialize();
    }
}
