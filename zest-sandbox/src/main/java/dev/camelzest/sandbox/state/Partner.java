package dev.camelzest.sandbox.state;

import java.time.Instant;

/**
 * A partner application registered with Zest: its client id, the Ed25519 public key its assertions are
 * verified with, its tenant, and whether it is provisioned for the partner API (403 forbidden if not).
 */
public record Partner(String clientId, String publicKeyPem, String tenantSlug, boolean provisioned,
                      Instant registeredAt) {

    /** Zest creates a lite tenant per partner; its slug is derived from the client id. */
    public static String tenantSlugFor(String clientId) {
        String slug = clientId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "tenant" : slug;
    }
}
