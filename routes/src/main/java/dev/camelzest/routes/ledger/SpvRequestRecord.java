package dev.camelzest.routes.ledger;

import java.time.Instant;

/** A row of {@code spv_requests}. */
public record SpvRequestRecord(String slug, String localId, String status, Instant occurredAt,
        String opportunitySlug, String vehicleSlug, String spSlug, String spcSlug, String rejectionReason,
        String sourceFile) {
}
