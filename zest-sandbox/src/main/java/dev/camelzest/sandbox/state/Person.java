package dev.camelzest.sandbox.state;

import java.time.Instant;

/**
 * An onboarded investor (a HoldCo People record with {@code kycManagedBy: partner}): created by
 * POST /v1/investors, named by partners by their own {@code partnerInvestorId} and by Zest by its
 * {@code zestPersonId} ({@code psn_...}).
 */
public record Person(String zestPersonId, String clientId, String partnerInvestorId, String email, String firstName,
                     String lastName, String dateOfBirth, String countryOfResidence, Instant createdAt) {
}
