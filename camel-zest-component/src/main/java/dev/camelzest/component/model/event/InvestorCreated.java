package dev.camelzest.component.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code investor.created}: one per {@code created} investor row (not for {@code already_exists}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvestorCreated(
        String partnerInvestorId,
        String zestPersonId,
        String email,
        String firstName,
        String lastName,
        String kycManagedBy) implements ZestEventData {

    /** Without the person's email and names: Camel prints bodies in logs (tracer, mock, errors). */
    @Override
    public String toString() {
        return "InvestorCreated[partnerInvestorId=" + partnerInvestorId + ", zestPersonId=" + zestPersonId
                + ", kycManagedBy=" + kycManagedBy + "]";
    }
}
