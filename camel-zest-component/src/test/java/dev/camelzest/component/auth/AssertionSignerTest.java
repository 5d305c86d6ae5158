package dev.camelzest.component.auth;

import java.security.KeyFactory;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.camelzest.component.SuiteSecrets;
import dev.camelzest.component.TestKeys;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssertionSignerTest {

    private static final Instant NOW = Instant.parse("2026-05-07T12:00:00Z");

    @Test
    void signsTheDocumentedClaimsWithEdDsaVerifiableByThePublicKey() throws Exception {
        TestKeys.PemPair keys = TestKeys.pemPair();
        OctetKeyPair key = Ed25519KeyReader.read(keys.privateKeyPem());
        AssertionSigner signer = new AssertionSigner("https://partner.example.com", "client_xyz",
                "https://sandbox.api.zestequity.com", key, Clock.fixed(NOW, ZoneOffset.UTC));

        String assertion = signer.sign();
        SuiteSecrets.register(assertion);
        SignedJWT jwt = SignedJWT.parse(assertion);

        assertEquals(JWSAlgorithm.EdDSA, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new Ed25519Verifier(key.toPublicJWK())), "verifies with the key's public part");
        // and with the public key as Zest has it registered (X.509 PEM), not only with what the reader derived
        assertArrayEquals(key.getDecodedX(), rawPublicKey(keys.publicKeyPem()));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("https://partner.example.com", claims.getIssuer());
        assertEquals("client_xyz", claims.getSubject());
        assertEquals("client_xyz", claims.getStringClaim("client_id"));
        assertEquals(List.of("https://sandbox.api.zestequity.com"), claims.getAudience());
        assertEquals(Date.from(NOW), claims.getIssueTime());
        assertEquals(Date.from(NOW.plusSeconds(60)), claims.getExpirationTime());
        assertNotEquals(claims.getJWTID(), SignedJWT.parse(signer.sign()).getJWTClaimsSet().getJWTID(), "fresh jti");
    }

    @Test
    void signsWithAJwkKey() throws Exception {
        OctetKeyPair jwk = TestKeys.jwk();
        OctetKeyPair key = Ed25519KeyReader.read(jwk.toJSONString());
        String assertion = new AssertionSigner("iss", "client", "aud", key, Clock.systemUTC()).sign();
        SuiteSecrets.register(assertion);

        SignedJWT jwt = SignedJWT.parse(assertion);
        assertTrue(jwt.verify(new Ed25519Verifier(jwk.toPublicJWK())));
        assertEquals("test-key", jwt.getHeader().getKeyID());
    }

    private static byte[] rawPublicKey(String publicKeyPem) throws Exception {
        String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        EdECPublicKey publicKey = (EdECPublicKey) KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        // X.509 SPKI for Ed25519 ends with the 32 raw key bytes
        byte[] encoded = publicKey.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return raw;
    }
}
