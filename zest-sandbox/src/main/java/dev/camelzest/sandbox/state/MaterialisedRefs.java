package dev.camelzest.sandbox.state;

/** The platform objects an approval creates in one transaction. */
public record MaterialisedRefs(String opportunitySlug, String vehicleSlug, String spSlug, String spcSlug) {
}
