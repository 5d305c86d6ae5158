package dev.camelzest.component.model.event;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code spv_request.cancelled}: the partner cancelled a pending request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestCancelled(
        String spvRequestSlug,
        String templateId,
        String templateVersion,
        String tenantSlug,
        Map<String, Object> attributes,
        String status,
        @ZestTimestamp Instant cancelledAt) implements ZestEventData {
}
