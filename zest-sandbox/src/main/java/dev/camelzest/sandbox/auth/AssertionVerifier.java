package dev.camelzest.sandbox.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.state.Partner;
import dev.camelzest.sandbox.state.PartnerStore;

/**
 * Verifies a JWT-bearer assertion (sandbox README, *Authentication*): EdDSA only, signed by the registered key of
 * the client named by {@code sub}, {@code client_id} equal to {@code sub}, {@code aud} exactly the sandbox's
 * audience, {@code iss}, {@code iat} and {@code exp} present, not expired, and living at most five
 * minutes. Every failure is 401 {@code invalid_token}, with a detail that says which rule failed.
 */
public final class AssertionVerifier {

    /** "Only a few seconds" of clock skew, per the docs. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final PartnerStore partners;
    private final Supplier<String> audience;
    private final Clock clock;

    public AssertionVerifier(PartnerStore partners, String audience, Clock clock) {
        this(partners, () -> audience, clock);
    }

    /** With the audience read at each verification: the sandbox knows its own only once its port is bound. */
    public AssertionVerifier(PartnerStore partners, Supplier<String> audience, Clock clock) {
        this.partners = partners;
        this.audience = audience;
        this.clock = clock;
    }

    /** Returns the client id the assertion authenticates. */
    public String verify(String assertion) {
        SignedJWT jwt = parse(assertion);
        if (!JWSAlgorithm.EdDSA.equals(jwt.getHeader().getAlgorithm())) {
            throw rejected("Assertion must be signed with EdDSA.");
        }
        JWTClaimsSet claims = claims(jwt);
        String clientId = claims.getSubject();
        if (clientId == null || clientId.isBlank()) {
            throw rejected("Assertion claim sub (the client id) is required.");
        }
        if (!clientId.equals(stringClaim(claims, "client_id"))) {
            throw rejected("Assertion claim client_id must equal sub.");
        }
        Partner partner = partners.find(clientId)
                .orElseThrow(() -> rejected("Unknown client " + clientId + "."));
        verifySignature(jwt, partner);
        checkClaims(claims);
        return clientId;
    }

    private void verifySignature(SignedJWT jwt, Partner partner) {
        try {
            if (!jwt.verify(new Ed25519Verifier(Ed25519Keys.publicJwk(partner.publicKeyPem())))) {
                throw rejected("Assertion signature does not verify with the client's registered key.");
            }
        } catch (JOSEException | IllegalArgumentException e) {
            throw rejected("Assertion signature does not verify with the client's registered key.");
        }
    }

    private void checkClaims(JWTClaimsSet claims) {
        if (claims.getIssuer() == null || claims.getIssuer().isBlank()) {
            throw rejected("Assertion claim iss is required.");
        }
        List<String> audiences = claims.getAudience();
        String expected = audience.get();
        if (audiences == null || !audiences.contains(expected)) {
            throw rejected("Assertion claim aud must be exactly " + expected + ".");
        }
        Instant now = clock.instant();
        Instant issuedAt = instant(claims.getIssueTime(), "iat");
        Instant expiresAt = instant(claims.getExpirationTime(), "exp");
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw rejected("Assertion claim iat is in the future.");
        }
        if (!expiresAt.isAfter(now.minus(CLOCK_SKEW))) {
            throw rejected("Assertion has expired.");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw rejected("Assertion lifetime (exp - iat) must not exceed " + MAX_LIFETIME.toSeconds() + " s.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw rejected("Assertion is not valid yet (nbf).");
        }
    }

    private static SignedJWT parse(String assertion) {
        try {
            return SignedJWT.parse(assertion);
        } catch (ParseException e) {
            throw rejected("Assertion is not a signed JWT.");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw rejected("Assertion claims are not a JSON object.");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw rejected("Assertion claim " + name + " must be a string.");
        }
    }

    private static Instant instant(Date date, String claim) {
        if (date == null) {
            throw rejected("Assertion claim " + claim + " is required.");
        }
        return date.toInstant();
    }

    private static ApiException rejected(String detail) {
        return ApiException.invalidToken(detail);
    }
}
