package dev.camelzest.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Reply of {@code tokenInfo}: who the current access token belongs to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InfoResponse(String clientType, String clientId, Map<String, Object> metadata) implements ZestJsonRecord {
}
