package dev.camelzest.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One share class of an approved SPV; {@code slug} is the {@code shareClassSlug} subscriptions use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareClassFeesAndCarry(
        String name, String slug, String managementFeePercent, String carryPercent, Map<String, Object> setupFee) implements ZestJsonRecord {
}
