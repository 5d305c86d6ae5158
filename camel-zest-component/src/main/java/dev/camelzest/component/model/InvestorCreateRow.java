package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One investor to onboard; {@code dateOfBirth} is {@code YYYY-MM-DD}, {@code countryOfResidence} ISO 3166 alpha-2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvestorCreateRow(
        String partnerInvestorId,
        String email,
        String firstName,
        String lastName,
        String dateOfBirth,
        String countryOfResidence) implements ZestJsonRecord {

    /** Without the person's email, names and date of birth: Camel prints bodies in logs (tracer, mock, errors). */
    @Override
    public String toString() {
        return "InvestorCreateRow[partnerInvestorId=" + partnerInvestorId + ", countryOfResidence="
                + countryOfResidence + "]";
    }
}
