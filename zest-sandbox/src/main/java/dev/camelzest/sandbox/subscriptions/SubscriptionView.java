package dev.camelzest.sandbox.subscriptions;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.state.Subscription;

/** A subscription as Zest shows it: SubscriptionResult, and the payloads of the subscription events. */
public final class SubscriptionView {

    private SubscriptionView() {
    }

    /** SubscriptionResult; {@code partnerSubscriptionId} only when the partner supplied one. */
    public static Map<String, Object> of(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (subscription.partnerSubscriptionId() != null) {
            view.put("partnerSubscriptionId", subscription.partnerSubscriptionId());
        }
        view.put("subscriptionSlug", subscription.subscriptionSlug());
        view.put("spvSlug", subscription.spvSlug());
        view.put("personId", subscription.personId());
        view.put("status", subscription.status());
        view.put("lumpSum", subscription.lumpSum());
        view.put("shareClassSlug", subscription.shareClassSlug());
        return view;
    }

    /** subscription.created's data: SubscriptionResult's fields. */
    public static Map<String, Object> created(Subscription subscription) {
        return of(subscription);
    }

    /** subscription.completed's data; the partner's ids only when known. */
    public static Map<String, Object> completed(Subscription subscription) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionSlug", subscription.subscriptionSlug());
        data.put("spvSlug", subscription.spvSlug());
        data.put("personId", subscription.personId());
        putIfPresent(data, "partnerInvestorId", subscription.partnerInvestorId());
        putIfPresent(data, "partnerSubscriptionId", subscription.partnerSubscriptionId());
        data.put("completedAt", Json.timestamp(subscription.completedAt()));
        data.put("status", subscription.status());
        return data;
    }

    /** The admin's view: the result plus the documents on record and the completion time. */
    public static Map<String, Object> detailed(Subscription subscription) {
        Map<String, Object> view = of(subscription);
        putIfPresent(view, "partnerInvestorId", subscription.partnerInvestorId());
        if (subscription.form() != null) {
            view.put("subscriptionFormUrl", subscription.form().url());
            view.put("formUploadedAt", Json.timestamp(subscription.form().uploadedAt()));
        }
        if (subscription.funding() != null) {
            view.put("fundingReceiptUrl", subscription.funding().url());
            view.put("fundingUploadedAt", Json.timestamp(subscription.funding().uploadedAt()));
        }
        if (subscription.completedAt() != null) {
            view.put("completedAt", Json.timestamp(subscription.completedAt()));
        }
        return view;
    }

    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
