package dev.camelzest.sandbox.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Opaque bearer tokens: 32 random bytes, base64url. Only their SHA-256 is kept (also in the state file),
 * so a leaked state file leaks no usable token.
 */
public final class TokenStore extends KeyedStore<AccessToken> {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PURGE_EVERY = 256;

    private final AtomicInteger issuedSincePurge = new AtomicInteger();

    public TokenStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TokenStore(Map<String, AccessToken> tokens) {
        super(tokens);
    }

    /** Issues a new token for {@code clientId}; returns the token itself (the only time it exists in clear). */
    public String issue(String clientId, Instant now, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        put(hash(token), new AccessToken(clientId, now, now.plus(ttl)));
        if (issuedSincePurge.incrementAndGet() >= PURGE_EVERY) {
            issuedSincePurge.set(0);
            purgeExpired(now);
        }
        return token;
    }

    /** The token's record if it exists and has not expired at {@code now}. */
    public Optional<AccessToken> lookup(String token, Instant now) {
        return find(hash(token)).filter(t -> t.isValidAt(now));
    }

    private void purgeExpired(Instant now) {
        removeIf(token -> !token.isValidAt(now));
    }

    private static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
