package dev.camelzest.sandbox;

import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints JWT-bearer assertions for tests, valid by default, with any claim bent as a test needs. */
final class Assertions {

    private Assertions() {
    }

    static JWTClaimsSet.Builder validClaims(PartnerCredentials partner, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(partner.issuer())
                .subject(partner.clientId())
                .audience(audience)
                .claim("client_id", partner.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)));
    }

    static String eddsa(PartnerCredentials partner, String audience, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = validClaims(partner, audience);
        change.accept(claims);
        try {
            return sign(JWSAlgorithm.EdDSA, new Ed25519Signer(OctetKeyPair.parse(partner.privateKeyJwk())),
                    claims.build());
        } catch (java.text.ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
