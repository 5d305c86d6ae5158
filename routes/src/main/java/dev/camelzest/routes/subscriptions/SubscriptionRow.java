package dev.camelzest.routes.subscriptions;

/** One data row of a subscriptions file, numbered from 1; the investor is a partnerInvestorId or a zestPersonId. */
public record SubscriptionRow(long rowNumber, String spvSlug, String partnerInvestorId, String zestPersonId,
        String amount, String currency, String shareClassSlug, String partnerSubscriptionId) {
}
