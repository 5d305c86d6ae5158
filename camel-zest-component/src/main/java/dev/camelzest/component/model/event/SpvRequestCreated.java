package dev.camelzest.component.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code spv_request.created}: the request was accepted for review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestCreated(
        String spvRequestSlug,
        String templateId,
        String templateVersion,
        String tenantSlug,
        Map<String, Object> attributes,
        String status) implements ZestEventData {
}
