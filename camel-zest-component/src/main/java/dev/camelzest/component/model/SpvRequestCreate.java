package dev.camelzest.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code createSpvRequest}: a contract template and the attribute map validated against it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpvRequestCreate(String templateId, String templateVersion, Map<String, Object> attributes) implements ZestJsonRecord {
}
