package dev.camelzest.component.auth;

import java.security.KeyPairGenerator;
import java.util.Base64;

import dev.camelzest.component.SuiteSecrets;
import dev.camelzest.component.TestKeys;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ed25519KeyReaderTest {

    @Test
    void readsPkcs8PemWithWindowsLineEndingsAndSurroundingText() {
        String pem = TestKeys.pemPair().privateKeyPem();
        assertTrue(Ed25519KeyReader.read("  \n" + pem.replace("\n", "\r\n")).isPrivate());
    }

    @Test
    void rejectsAPublicOnlyJwk() {
        String publicJwk = TestKeys.jwk().toPublicJWK().toJSONString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ed25519KeyReader.read(publicJwk));
        assertTrue(e.getMessage().contains("no private part"));
    }

    @Test
    void rejectsAnRsaKeyWithoutShowingIt() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        String body = Base64.getMimeEncoder().encodeToString(der);
        SuiteSecrets.register(body);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ed25519KeyReader.read(pem));
        assertTrue(e.getMessage().contains("not a PKCS#8 Ed25519 private key"));
        assertFalse(e.getMessage().contains(body.substring(0, 20)));
    }

    @Test
    void explainsUnsupportedFormats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ed25519KeyReader.read("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"));
        assertTrue(e.getMessage().contains("OpenSSH"));
        assertEquals("The Zest private key is empty",
                assertThrows(IllegalArgumentException.class, () -> Ed25519KeyReader.read(" ")).getMessage());
    }
}
