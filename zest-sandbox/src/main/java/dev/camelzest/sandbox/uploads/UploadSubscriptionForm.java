package dev.camelzest.sandbox.uploads;

import java.time.Instant;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.state.Subscription;

/**
 * POST /v1/spvs/{spv_slug}/subscription/{person_id}/forms: stores the signed form, answers 201
 * FormUploadResponse and fires signed_subscription_form.uploaded. Uploads carry no Idempotency-Key (Zest
 * calls them content-addressed); a second form replaces the first and fires the event again, which is
 * what a partner re-sending a corrected form expects.
 */
public final class UploadSubscriptionForm implements ApiHandler {

    private static final String FORM_UPLOADED = "signed_subscription_form.uploaded";

    private final SandboxContext context;
    private final DocumentStorage storage;

    public UploadSubscriptionForm(SandboxContext context, DocumentStorage storage) {
        this.context = context;
        this.storage = storage;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Subscription target = UploadTarget.requireOpen(UploadTarget.of(request, context));
        UploadedDocument document = UploadedDocument.of(request);
        Instant now = context.now();
        String fileName = storage.store(document, target.subscriptionSlug() + "-signed");
        Subscription.UploadedDocument form = new Subscription.UploadedDocument(
                storage.link(context.baseUrl(), fileName, now), now, null, null, null);
        Subscription updated = context.state().subscriptions()
                .update(Subscription.key(target.spvSlug(), target.personId()),
                        current -> UploadTarget.requireOpen(current).withForm(form))
                .orElseThrow();
        context.events().publish(FORM_UPLOADED, body(updated, true), now);
        return ApiResponse.created(body(updated, false));
    }

    /** FormUploadResponse; the event's data adds the partner's investor id (FACTS.md §6.3). */
    private static Map<String, Object> body(Subscription subscription, boolean event) {
        Map<String, Object> body = UploadTarget.describe(subscription, event);
        body.put("subscriptionFormUrl", subscription.form().url());
        body.put("uploadedAt", Json.timestamp(subscription.form().uploadedAt()));
        return body;
    }
}
