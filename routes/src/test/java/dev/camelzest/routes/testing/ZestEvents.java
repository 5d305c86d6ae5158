package dev.camelzest.routes.testing;

import java.time.Instant;
import java.util.List;

/** Webhook event envelopes of one partner journey, as Zest sends them, one second apart. */
public final class ZestEvents {

    public static final Instant START = Instant.parse("2026-05-07T12:00:00.123Z");

    private ZestEvents() {
    }

    public static String envelope(String eventId, String eventType, Instant occurredAt, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + eventType + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"data\":" + data + "}";
    }

    /** The nine steps from SPV request to completed subscription, in the order Zest emitted them. */
    public static List<String> journey() {
        String spv = "\"spvRequestSlug\":\"svr_1\",\"templateId\":\"syndicate_secondary\","
                + "\"templateVersion\":\"1.0.0\","
                + "\"tenantSlug\":\"acme\",\"attributes\":{}";
        String sub = "\"subscriptionSlug\":\"sub_1\",\"spvSlug\":\"veh_1\",\"personId\":\"psn_1\"";
        return List.of(
                envelope("wde_0000000000000001", "spv_request.created", at(0),
                        "{" + spv + ",\"status\":\"pending-review\"}"),
                envelope("wde_0000000000000002", "spv_request.completed", at(1), "{" + spv
                        + ",\"status\":\"approved\",\"materialisedRefs\":{\"opportunitySlug\":\"opp_1\","
                        + "\"vehicleSlug\":\"veh_1\",\"spSlug\":\"sp_1\",\"spcSlug\":\"spc_1\"},\"approvedAt\":\""
                        + at(1) + "\"}"),
                envelope("wde_0000000000000003", "investor.created", at(2),
                        "{\"partnerInvestorId\":\"acme-1\",\"zestPersonId\":\"psn_1\",\"email\":\"a@example.com\","
                        + "\"firstName\":\"Ann\",\"lastName\":\"One\",\"kycManagedBy\":\"partner\"}"),
                envelope("wde_0000000000000004", "subscription.created", at(3), "{" + sub
                        + ",\"partnerSubscriptionId\":\"acme-sub-1\",\"lumpSum\":{\"currency\":\"USD\","
                        + "\"value\":\"50000.00\"},\"shareClassSlug\":\"sc_a\",\"status\":\"pending\"}"),
                envelope("wde_0000000000000005", "signed_subscription_form.uploaded", at(4), "{" + sub
                        + ",\"partnerInvestorId\":\"acme-1\",\"subscriptionFormUrl\":\"https://storage.example/f\","
                        + "\"uploadedAt\":\"" + at(4) + "\"}"),
                envelope("wde_0000000000000006", "funding_receipt.uploaded", at(5), "{" + sub
                        + ",\"partnerInvestorId\":\"acme-1\",\"fundingReceiptUrl\":\"https://storage.example/r\","
                        + "\"amount\":\"50000.00\",\"currency\":\"USD\",\"wireReference\":\"W-1\",\"uploadedAt\":\""
                        + at(5) + "\"}"),
                envelope("wde_0000000000000007", "subscription.completed", at(6), "{" + sub
                        + ",\"partnerInvestorId\":\"acme-1\",\"partnerSubscriptionId\":\"acme-sub-1\","
                        + "\"completedAt\":\"" + at(6) + "\",\"status\":\"completed\"}"));
    }

    public static Instant at(int second) {
        return START.plusSeconds(second);
    }
}
