package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The entities Zest created when it approved an SPV request; {@code vehicleSlug} is the SPV slug of later calls. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaterialisedRefsResponse(String opportunitySlug, String vehicleSlug, String spSlug, String spcSlug) implements ZestJsonRecord {
}
