package dev.camelzest.routes.testing;

/** SPV request files for the sandbox's syndicate_secondary template. */
public final class SpvRequestFiles {

    /** The sandbox sample's attributes, as a JSON object. */
    public static final String ATTRIBUTES = """
            {"deal_name": "Acme Holdings Series A Syndicate", "deal_slug": "acme-series-a-2026",
             "company_id": "co_acme", "deal_type": "secondary", "security_type": "Equity", "currency": "USD",
             "price_per_share": {"currency": "USD", "value": "36.97"}, "is_fixed_price": true,
             "minimum_ticket_size": {"currency": "USD", "value": "1000"}, "start_date": "2026-06-01T00:00:00Z",
             "status_tag": "Live", "deal_stage": "executing", "share_class_name": "Class A",
             "share_class_slug": "acme-class-a"}""";

    private SpvRequestFiles() {
    }

    public static String createJson(String localId) {
        return "{\"localId\": \"" + localId + "\", \"templateId\": \"syndicate_secondary\","
                + " \"templateVersion\": \"1.0.0\", \"attributes\": " + ATTRIBUTES + "}";
    }
}
