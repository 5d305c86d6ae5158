package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one investor row: {@code created}, {@code already_exists} or {@code failed}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvestorRowResult(String partnerInvestorId, String status, String zestPersonId, InvestorRowError error) implements ZestJsonRecord {

    public static final String CREATED = "created";
    public static final String ALREADY_EXISTS = "already_exists";
    public static final String FAILED = "failed";

    /** True when Zest knows the investor ({@code created} or {@code already_exists}). */
    @JsonIgnore
    public boolean isOnboarded() {
        return CREATED.equals(status) || ALREADY_EXISTS.equals(status);
    }
}
