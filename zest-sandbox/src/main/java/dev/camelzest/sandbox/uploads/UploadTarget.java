package dev.camelzest.sandbox.uploads;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.state.Subscription;

/** The subscription an upload path names by {@code (spv_slug, person_id)}: 404 for anything not the partner's. */
final class UploadTarget {

    private UploadTarget() {
    }

    static Subscription of(ApiRequest request, SandboxContext context) {
        String clientId = request.requireClientId();
        String spvSlug = request.pathParam("spv_slug");
        String personId = request.pathParam("person_id");
        context.state().spvs().findOwned(spvSlug, clientId)
                .orElseThrow(() -> ApiException.notFound("SPV " + spvSlug + " not found."));
        context.state().persons().findOwned(personId, clientId)
                .orElseThrow(() -> ApiException.notFound("Person " + personId + " not found."));
        return context.state().subscriptions().findOwned(spvSlug, personId, clientId)
                .orElseThrow(() -> ApiException.notFound("Person " + personId + " has no subscription to SPV "
                        + spvSlug + "."));
    }

    /** Forms and receipts are refused once the subscription is terminal. */
    static Subscription requireOpen(Subscription subscription) {
        if (subscription.isTerminal()) {
            throw ApiException.conflict("Subscription " + subscription.subscriptionSlug() + " is "
                    + subscription.status() + "; it takes no more documents.");
        }
        return subscription;
    }

    /**
     * The fields upload responses and their webhooks start with; the webhook adds the partner's investor
     * id (sandbox README, *Event payloads*).
     */
    static Map<String, Object> describe(Subscription subscription, boolean event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriptionSlug", subscription.subscriptionSlug());
        body.put("spvSlug", subscription.spvSlug());
        body.put("personId", subscription.personId());
        if (event && subscription.partnerInvestorId() != null) {
            body.put("partnerInvestorId", subscription.partnerInvestorId());
        }
        return body;
    }
}
