package dev.camelzest.component;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;

/** Ed25519 keys for tests, registered as secrets that must never reach the log. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A PKCS#8 PEM private key and its X.509 PEM public key. */
    public record PemPair(String privateKeyPem, String publicKeyPem) {
    }

    public static PemPair pemPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
            SuiteSecrets.register(privatePem);
            return new PemPair(privatePem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OctetKeyPair jwk() {
        try {
            OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("test-key").generate();
            SuiteSecrets.register(key.getD().toString());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + type + "-----\n";
    }
}
