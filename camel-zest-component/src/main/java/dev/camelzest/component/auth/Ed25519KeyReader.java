package dev.camelzest.component.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Reads the partner's Ed25519 private key from a PKCS#8 PEM (a block labelled {@value #PEM_LABEL}, RFC 7468) or an
 * OKP JWK with {@code d}. Error messages never contain the key text.
 */
public final class Ed25519KeyReader {

    static final String PEM_LABEL = "PRIVATE KEY";
    private static final String PEM_BEGIN = "-----BEGIN " + PEM_LABEL + "-----";
    private static final String PEM_END = "-----END " + PEM_LABEL + "-----";

    private Ed25519KeyReader() {
    }

    public static OctetKeyPair read(String keyText) {
        if (keyText == null || keyText.isBlank()) {
            throw new IllegalArgumentException("The Zest private key is empty");
        }
        String text = keyText.strip();
        if (text.startsWith("{")) {
            return fromJwk(text);
        }
        if (text.contains(PEM_BEGIN)) {
            return fromPkcs8Pem(text);
        }
        throw new IllegalArgumentException(
                "The Zest private key must be an Ed25519 key as PKCS#8 PEM (a " + PEM_LABEL + " block) or as an OKP JWK;"
                                           + " other formats (e.g. OpenSSH) are not supported");
    }

    private static OctetKeyPair fromJwk(String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The Zest private key is not a valid JWK (" + e.getClass().getSimpleName() + ")");
        }
        if (!(jwk instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw new IllegalArgumentException("The Zest private key JWK must be an OKP key on curve Ed25519");
        }
        if (!okp.isPrivate()) {
            throw new IllegalArgumentException("The Zest private key JWK has no private part (\"d\")");
        }
        return okp;
    }

    private static OctetKeyPair fromPkcs8Pem(String pem) {
        int begin = pem.indexOf(PEM_BEGIN) + PEM_BEGIN.length();
        int end = pem.indexOf(PEM_END, begin);
        if (end < 0) {
            throw new IllegalArgumentException("The Zest private key PEM has no END line");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin, end));
            EdECPrivateKey key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = key.getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("The JDK did not expose the Ed25519 key bytes"));
            Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(pair.getPublicKey()))
                    .d(Base64URL.encode(seed))
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "The Zest private key PEM is not a PKCS#8 Ed25519 private key (" + e.getClass().getSimpleName() + ")");
        }
    }
}
