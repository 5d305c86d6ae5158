package dev.camelzest.sandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.http.ApiException;

/**
 * A partner's SPV request. Immutable: each transition returns a new value, stored atomically by
 * {@link SpvRequestStore#update}. {@code rejectedAt} is kept for the webhook although the resource
 * does not show it; {@code sequence} orders listings stably.
 */
public record SpvRequest(String slug, long sequence, String clientId, String tenantSlug, String templateId,
                         String templateVersion, Map<String, Object> attributes, SpvRequestStatus status,
                         String rejectionReason, Instant createdAt, Instant updatedAt, Instant approvedAt,
                         Instant rejectedAt, Instant cancelledAt, MaterialisedRefs materialisedRefs,
                         List<ShareClass> shareClasses) {

    public static SpvRequest pendingReview(String slug, long sequence, String clientId, String tenantSlug,
                                           String templateId, String templateVersion,
                                           Map<String, Object> attributes, Instant now) {
        return new SpvRequest(slug, sequence, clientId, tenantSlug, templateId, templateVersion, attributes,
                SpvRequestStatus.PENDING_REVIEW, null, now, now, null, null, null, null, null);
    }

    public SpvRequest approve(Instant now, MaterialisedRefs refs, List<ShareClass> classes) {
        requirePending("approved");
        return new SpvRequest(slug, sequence, clientId, tenantSlug, templateId, templateVersion, attributes,
                SpvRequestStatus.APPROVED, null, createdAt, now, now, null, null, refs, List.copyOf(classes));
    }

    public SpvRequest reject(Instant now, String reason) {
        requirePending("rejected");
        return new SpvRequest(slug, sequence, clientId, tenantSlug, templateId, templateVersion, attributes,
                SpvRequestStatus.REJECTED, reason, createdAt, now, null, now, null, null, null);
    }

    public SpvRequest cancel(Instant now) {
        requirePending("cancelled");
        return new SpvRequest(slug, sequence, clientId, tenantSlug, templateId, templateVersion, attributes,
                SpvRequestStatus.CANCELLED, null, createdAt, now, null, null, now, null, null);
    }

    private void requirePending(String target) {
        if (status.isTerminal()) {
            throw ApiException.conflict("SPV request " + slug + " is " + status.wire()
                    + " (terminal) and cannot be " + target + ".");
        }
    }
}
