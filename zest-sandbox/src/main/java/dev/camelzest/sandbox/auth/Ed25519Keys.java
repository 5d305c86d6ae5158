package dev.camelzest.sandbox.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Ed25519 keys between the forms partners hand over (PEM) and the JWK form nimbus verifies with. The JDK
 * parses and checks the encodings; an Ed25519 SubjectPublicKeyInfo has a fixed 44-byte layout whose last
 * 32 bytes are the raw public key (RFC 8410 §4).
 */
public final class Ed25519Keys {

    private static final int SPKI_LENGTH = 44;
    private static final int RAW_KEY_LENGTH = 32;

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Parses an X.509 SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY") holding an Ed25519 key. */
    public static PublicKey parsePublicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    /** The public JWK (OKP, Ed25519) of a PEM public key. */
    public static OctetKeyPair publicJwk(String pem) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawPublicKey(parsePublicKey(pem)))).build();
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_LENGTH - RAW_KEY_LENGTH, SPKI_LENGTH);
    }

    public static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
