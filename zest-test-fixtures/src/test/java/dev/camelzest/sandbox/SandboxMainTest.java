package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/** The command line: options, and a generated partner whose written private key works. */
class SandboxMainTest {

    @TempDir
    Path directory;

    @Test
    void withoutAPartnerItGeneratesOneAndWritesOnlyThePrivateKeyFile() throws Exception {
        Path keyFile = directory.resolve("partner.pem");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ZestSandbox sandbox = SandboxMain.run(Map.of("port", "0", "key-file", keyFile.toString(),
                "client-id", "newcomer", "token-ttl", "600"), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String output = printed.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains(sandbox.baseUrl()), output);
            assertTrue(output.contains("newcomer"), output);
            assertTrue(output.contains(keyFile.toString()), output);
            assertFalse(output.contains("BEGIN"), "no key material is printed");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

            PartnerCredentials fromFile = credentialsFromPem("newcomer", Files.readString(keyFile));
            TestHttp.Response token = new TestHttp(sandbox.baseUrl()).exchange(fromFile.mintAssertion(sandbox.audience()));
            assertEquals(201, token.status(), token.body());
            assertEquals(600, token.json().get("expiresIn").asInt());
        }
    }

    @Test
    void parsesBothOptionForms() {
        Map<String, String> options = SandboxMain.parse(new String[] {"--port", "9000", "--audience=https://x.test"});
        assertEquals("9000", options.get("port"));
        assertEquals("https://x.test", options.get("audience"));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[] {"--nope", "1"}));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[] {"--port"}));
    }

    /** What a newcomer's client does with the key file: PKCS#8 PEM to a signing JWK. */
    private static PartnerCredentials credentialsFromPem(String clientId, String pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        EdECPrivateKey key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        byte[] seed = key.getBytes().orElseThrow();
        byte[] publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
                .d(Base64URL.encode(seed)).build();
        return new PartnerCredentials(clientId, "https://newcomer.example", pem, jwk.toJSONString(), null);
    }
}
