package dev.camelzest.sandbox;

import java.security.KeyPair;
import java.security.interfaces.EdECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.camelzest.sandbox.auth.Ed25519Keys;
import dev.camelzest.sandbox.state.Partner;

/**
 * A partner application's credentials: client id, issuer (the partner's own API base URL) and its
 * Ed25519 key pair, the private key both as PKCS#8 PEM and as an OKP JWK with {@code d}.
 * {@link #toString()} never shows key material.
 */
public record PartnerCredentials(String clientId, String issuer, String privateKeyPem, String privateKeyJwk,
                                 String publicKeyPem) {

    /** Fresh credentials with a new Ed25519 key pair. */
    public static PartnerCredentials generate(String clientId) {
        KeyPair pair = Ed25519Keys.generate();
        byte[] d = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the JDK did not expose the Ed25519 private key"));
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519,
                Base64URL.encode(Ed25519Keys.rawPublicKey(pair.getPublic())))
                .d(Base64URL.encode(d))
                .build();
        return new PartnerCredentials(clientId,
                "https://" + Partner.tenantSlugFor(clientId) + ".partner.example",
                Ed25519Keys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                jwk.toJSONString(),
                Ed25519Keys.toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /** A valid assertion for {@code audience}: EdDSA, issued now, expiring in 60 s (the docs' advice). */
    public String mintAssertion(String audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(audience)
                .claim("client_id", clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(60))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).build(), claims);
            jwt.sign(new Ed25519Signer(OctetKeyPair.parse(privateKeyJwk)));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("cannot sign an assertion with these credentials", e);
        }
    }

    @Override
    public String toString() {
        return "PartnerCredentials[clientId=" + clientId + ", issuer=" + issuer + "]";
    }
}
