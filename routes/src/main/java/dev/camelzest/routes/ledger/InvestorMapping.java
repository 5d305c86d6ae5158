package dev.camelzest.routes.ledger;

/** A partnerInvestorId and the Zest person it became, with the identity it was created from. */
public record InvestorMapping(String partnerInvestorId, String zestPersonId, String email, String firstName,
        String lastName) {

    /** Without the person's email and names, which must not reach a log line. */
    @Override
    public String toString() {
        return "InvestorMapping[partnerInvestorId=" + partnerInvestorId + ", zestPersonId=" + zestPersonId + "]";
    }
}
