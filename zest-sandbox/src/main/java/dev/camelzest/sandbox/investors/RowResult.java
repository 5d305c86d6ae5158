package dev.camelzest.sandbox.investors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of {@code results} (InvestorRowResult): created, already_exists or failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RowResult(String partnerInvestorId, String status, String zestPersonId, RowError error) {

    static RowResult created(String partnerInvestorId, String zestPersonId) {
        return new RowResult(partnerInvestorId, "created", zestPersonId, null);
    }

    static RowResult alreadyExists(String partnerInvestorId, String zestPersonId) {
        return new RowResult(partnerInvestorId, "already_exists", zestPersonId, null);
    }

    static RowResult failed(String partnerInvestorId, RowError error) {
        return new RowResult(partnerInvestorId, "failed", null, error);
    }
}
