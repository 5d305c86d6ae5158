package dev.camelzest.component.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** An SPV request as Zest holds it (reply of create, get, cancel and the list documents). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestResponse(
        String spvRequestSlug,
        SpvRequestStatus status,
        String templateId,
        String templateVersion,
        String tenantSlug,
        String clientId,
        Map<String, Object> attributes,
        String rejectionReason,
        @ZestTimestamp Instant cancelledAt,
        @ZestTimestamp Instant approvedAt,
        MaterialisedRefsResponse materialisedRefs,
        FeesAndCarryResponse feesAndCarry,
        @ZestTimestamp Instant createdAt,
        @ZestTimestamp Instant updatedAt) implements ZestJsonRecord {
}
