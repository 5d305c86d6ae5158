package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One item of the framework-level 422 reply the OpenAPI document declares ({@code loc}, {@code msg}, {@code type}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationError(List<Object> loc, String msg, String type) implements ZestJsonRecord {
}
