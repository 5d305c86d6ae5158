package dev.camelzest.component.model.event;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code spv_request.rejected}: terminal; submit a new request to try again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestRejected(
        String spvRequestSlug,
        String templateId,
        String templateVersion,
        String tenantSlug,
        Map<String, Object> attributes,
        String status,
        String rejectionReason,
        @ZestTimestamp Instant rejectedAt) implements ZestEventData {
}
