package dev.camelzest.routes.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * What must exist at Zest before subscriptions and documents can be tested, made through the zest: component: an
 * approved SPV with its share class, and onboarded persons.
 */
public final class SandboxDeals {

    /** An approved SPV (its vehicle slug) and the slug of its first share class. */
    public record Spv(String slug, String shareClassSlug) {
    }

    private final ZestSandboxExtension sandbox;
    private final ProducerTemplate zest;
    private final Path keys;

    public SandboxDeals(ZestSandboxExtension sandbox, CamelContext camel, Path keys) {
        this.sandbox = sandbox;
        this.zest = camel.createProducerTemplate();
        this.keys = keys;
    }

    public Spv approvedSpv() {
        String body = "{\"templateId\": \"syndicate_secondary\", \"templateVersion\": \"1.0.0\", \"attributes\": "
                + SpvRequestFiles.ATTRIBUTES + "}";
        SpvRequestResponse request = zest.requestBody(SandboxZest.uri(sandbox, "createSpvRequest", keys), body,
                SpvRequestResponse.class);
        sandbox.admin().approve(request.spvRequestSlug());
        SpvRequestResponse approved = zest.requestBodyAndHeader(SandboxZest.uri(sandbox, "getSpvRequest", keys),
                null, ZestConstants.SLUG, request.spvRequestSlug(), SpvRequestResponse.class);
        return new Spv(approved.materialisedRefs().vehicleSlug(),
                approved.feesAndCarry().shareClasses().get(0).slug());
    }

    /** Onboards a person for {@code partnerInvestorId}; returns Zest's person id. */
    public String person(String partnerInvestorId) {
        Map<String, Object> row = Map.of("partnerInvestorId", partnerInvestorId,
                "email", partnerInvestorId + "@example.com", "firstName", "Ann", "lastName", "Lee",
                "dateOfBirth", "1985-04-12", "countryOfResidence", "AE");
        InvestorBulkResponse reply = zest.requestBody(SandboxZest.bulkCreateInvestorsUri(sandbox, keys),
                Map.of("investors", List.of(row)), InvestorBulkResponse.class);
        return reply.results().get(0).zestPersonId();
    }

    /** Subscribes the person to the SPV's share class for USD 50,000; returns the subscription slug. */
    public String subscribe(Spv spv, String personId, String partnerSubscriptionId) {
        Map<String, Object> row = Map.of("zestPersonId", personId, "shareClassSlug", spv.shareClassSlug(),
                "lumpSum", Map.of("currency", "USD", "value", "50000.00"),
                "partnerSubscriptionId", partnerSubscriptionId);
        SubscriptionBulkResponse reply = zest.requestBodyAndHeader(
                SandboxZest.uri(sandbox, "createSubscriptions", keys), Map.of("subscriptions", List.of(row)),
                ZestConstants.SPV_SLUG, spv.slug(), SubscriptionBulkResponse.class);
        return reply.results().get(0).subscriptionSlug();
    }

    /** Uploads a subscription form as someone other than the routes would: Zest holds it, the ledger does not. */
    public void uploadForm(Spv spv, String personId, byte[] pdf) {
        zest.requestBodyAndHeaders(SandboxZest.uri(sandbox, "uploadSubscriptionForm", keys), pdf,
                Map.of(ZestConstants.SPV_SLUG, spv.slug(), ZestConstants.PERSON_ID, personId));
    }
}
