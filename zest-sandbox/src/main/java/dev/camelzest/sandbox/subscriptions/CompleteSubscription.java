package dev.camelzest.sandbox.subscriptions;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** POST /sandbox/spvs/{spvSlug}/subscriptions/{personId}/complete (admin): see {@link SubscriptionCompletion}. */
public final class CompleteSubscription implements ApiHandler {

    private final SubscriptionCompletion completion;

    public CompleteSubscription(SandboxContext context) {
        this.completion = new SubscriptionCompletion(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(SubscriptionView.detailed(
                completion.complete(request.pathParam("spvSlug"), request.pathParam("personId"))));
    }
}
