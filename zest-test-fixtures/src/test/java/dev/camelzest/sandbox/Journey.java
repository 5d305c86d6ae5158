package dev.camelzest.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** The steps before a subscription can be tested, over HTTP: an approved SPV, onboarded persons, a subscription. */
final class Journey {

    record ApprovedSpv(String spvSlug, String shareClassSlug) {
    }

    private final ZestSandboxExtension sandbox;
    private final TestHttp http;
    private final String token;

    Journey(ZestSandboxExtension sandbox, Session session) {
        this.sandbox = sandbox;
        this.http = session.http();
        this.token = session.token();
    }

    ApprovedSpv approvedSpv() {
        TestHttp.Response created = http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(),
                "Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> approved = sandbox.admin().approve(created.json().get("spvRequestSlug").asText());
        JsonNode request = http.get("/v1/spv-requests/" + approved.get("spvRequestSlug"), token).json();
        return new ApprovedSpv(request.at("/materialisedRefs/vehicleSlug").asText(),
                request.at("/feesAndCarry/shareClasses/0/slug").asText());
    }

    static Map<String, Object> investor(String partnerInvestorId) {
        return Map.of("partnerInvestorId", partnerInvestorId, "email", partnerInvestorId + "@example.com",
                "firstName", "Alice", "lastName", "Liddell", "dateOfBirth", "1985-04-12", "countryOfResidence", "AE");
    }

    TestHttp.Response createInvestors(List<?> rows, String... headers) {
        return http.postJson("/v1/investors", token, Map.of("investors", rows), headers);
    }

    String person(String partnerInvestorId) {
        return createInvestors(List.of(investor(partnerInvestorId))).json().at("/results/0/zestPersonId").asText();
    }

    static Map<String, Object> subscription(String personId, String shareClassSlug) {
        return Map.of("zestPersonId", personId, "shareClassSlug", shareClassSlug,
                "lumpSum", Map.of("currency", "USD", "value", "50000.00"), "partnerSubscriptionId", "sub-" + personId);
    }

    TestHttp.Response subscribe(String spvSlug, List<?> rows, String... headers) {
        return http.postJson("/v1/spvs/" + spvSlug + "/subscriptions", token, Map.of("subscriptions", rows), headers);
    }

    TestHttp.Response uploadForm(String spvSlug, String personId, byte[] content, String contentType) {
        return Multipart.upload(sandbox.baseUrl() + "/v1/spvs/" + spvSlug + "/subscription/" + personId + "/forms",
                token, content, contentType, "form", Map.of());
    }

    TestHttp.Response uploadFunding(String spvSlug, String personId, byte[] content, String contentType) {
        return uploadFunding(spvSlug, personId, content, contentType,
                Map.of("amount", "50000.00", "currency", "USD", "wireReference", "WIRE-" + personId));
    }

    TestHttp.Response uploadFunding(String spvSlug, String personId, byte[] content, String contentType,
                                    Map<String, String> metadata) {
        return Multipart.upload(sandbox.baseUrl() + "/v1/spvs/" + spvSlug + "/subscription/" + personId + "/fundings",
                token, content, contentType, "receipt", metadata);
    }
}
