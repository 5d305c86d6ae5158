package dev.camelzest.component.sandbox;

import java.util.List;
import java.util.Map;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.component.model.Money;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.component.model.SubscriptionCreateRow;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import org.apache.camel.ProducerTemplate;

/** The steps that lead to a state worth testing: an approved SPV, an onboarded investor, a subscription. */
final class SandboxFlows {

    static final String CONTRACT_VERSION = "1.0.0";
    static final String TEMPLATE = "syndicate_secondary";

    private final ProducerTemplate template;
    private final SandboxAdminClient admin;

    SandboxFlows(ProducerTemplate template, SandboxAdminClient admin) {
        this.template = template;
        this.admin = admin;
    }

    /** The sandbox's valid SpvRequestCreate body for the syndicate template. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sampleSpvRequest() {
        return template.requestBodyAndHeaders("zest:getSample", null,
                Map.of(ZestConstants.VERSION, CONTRACT_VERSION, ZestConstants.NAME, TEMPLATE), Map.class);
    }

    SpvRequestResponse createSpvRequest() {
        return template.requestBody("zest:createSpvRequest", sampleSpvRequest(), SpvRequestResponse.class);
    }

    /** An approved SPV: its vehicle slug and the slug of its first share class. */
    record ApprovedSpv(String spvRequestSlug, String spvSlug, String shareClassSlug) {
    }

    ApprovedSpv approvedSpv() {
        String slug = createSpvRequest().spvRequestSlug();
        admin.approve(slug);
        SpvRequestResponse approved = template.requestBodyAndHeader("zest:getSpvRequest", null, ZestConstants.SLUG, slug,
                SpvRequestResponse.class);
        return new ApprovedSpv(slug, approved.materialisedRefs().vehicleSlug(),
                approved.feesAndCarry().shareClasses().get(0).slug());
    }

    static InvestorCreateRow investor(String partnerInvestorId) {
        return new InvestorCreateRow(partnerInvestorId, partnerInvestorId + "@example.com", "Alice", "Liddell",
                "1985-04-12", "AE");
    }

    String onboardedInvestor(String partnerInvestorId) {
        InvestorBulkResponse response = template.requestBody("zest:bulkCreateInvestors",
                List.of(investor(partnerInvestorId)), InvestorBulkResponse.class);
        return response.results().get(0).zestPersonId();
    }

    SubscriptionBulkResponse subscribe(ApprovedSpv spv, String personId) {
        return template.requestBodyAndHeader("zest:createSubscriptions",
                List.of(new SubscriptionCreateRow(personId, new Money("USD", "50000.00"), spv.shareClassSlug(),
                        "sub-" + personId)),
                ZestConstants.SPV_SLUG, spv.spvSlug(), SubscriptionBulkResponse.class);
    }
}
