package dev.camelzest.routes.ledger;

import java.time.Instant;

/**
 * An SPV request as Zest reported it at {@code occurredAt} (a webhook's time, or the request's own timestamp for an
 * API reply). The refs are set once Zest approved it and materialised the SPV.
 */
public record SpvRequestState(String slug, String status, String templateId, String templateVersion,
        Instant occurredAt, String opportunitySlug, String vehicleSlug, String spSlug, String spcSlug,
        String rejectionReason) {

    /** Within one instant, a terminal state wins over {@code pending-review}. */
    int rank() {
        return "pending-review".equals(status) ? 0 : 1;
    }
}
