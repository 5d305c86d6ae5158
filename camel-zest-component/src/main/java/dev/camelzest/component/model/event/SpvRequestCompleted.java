package dev.camelzest.component.model.event;

import java.time.Instant;
import java.util.Map;

import dev.camelzest.component.model.MaterialisedRefsResponse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code spv_request.completed}: Zest approved the request and materialised the SPV. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestCompleted(
        String spvRequestSlug,
        String templateId,
        String templateVersion,
        String tenantSlug,
        Map<String, Object> attributes,
        String status,
        MaterialisedRefsResponse materialisedRefs,
        @ZestTimestamp Instant approvedAt) implements ZestEventData {
}
