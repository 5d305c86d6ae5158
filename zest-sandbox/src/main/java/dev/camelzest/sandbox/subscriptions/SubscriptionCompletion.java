package dev.camelzest.sandbox.subscriptions;

import java.time.Instant;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.state.Subscription;

/**
 * What a Zest admin does once the wire is reconciled: moves the subscription to terminal completed and
 * fires subscription.completed. Only a funded subscription can be completed (409 otherwise, and for one
 * already completed); 404 for none.
 */
public final class SubscriptionCompletion {

    private static final String SUBSCRIPTION_COMPLETED = "subscription.completed";

    private final SandboxContext context;

    public SubscriptionCompletion(SandboxContext context) {
        this.context = context;
    }

    public Subscription complete(String spvSlug, String personId) {
        Instant now = context.now();
        Subscription completed = context.state().subscriptions()
                .update(Subscription.key(spvSlug, personId), current -> completable(current).completed(now))
                .orElseThrow(() -> ApiException.notFound("Person " + personId + " has no subscription to SPV "
                        + spvSlug + "."));
        context.events().publish(SUBSCRIPTION_COMPLETED, SubscriptionView.completed(completed), now);
        return completed;
    }

    private static Subscription completable(Subscription subscription) {
        if (subscription.isTerminal()) {
            throw ApiException.conflict("Subscription " + subscription.subscriptionSlug() + " is already completed.");
        }
        if (subscription.funding() == null) {
            throw ApiException.conflict("Subscription " + subscription.subscriptionSlug()
                    + " has no funding receipt on record; there is no wire to reconcile.");
        }
        return subscription;
    }
}
