package dev.camelzest.sandbox.state;

import java.time.Instant;

/** An issued bearer token (stored by its hash, never in clear). */
public record AccessToken(String clientId, Instant issuedAt, Instant expiresAt) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
