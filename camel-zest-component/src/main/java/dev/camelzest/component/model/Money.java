package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An amount of money: ISO 4217 {@code currency} and a decimal string {@code value} (never a float). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(String currency, String value) implements ZestJsonRecord {
}
