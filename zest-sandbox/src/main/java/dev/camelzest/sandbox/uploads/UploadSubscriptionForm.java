package dev.camelzest.sandbox.uploads;

import java.time.Instant;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.state.Subscription;

/**
 * POST /v1/spvs/{spv_slug}/subscription/{person_id}/forms: stores the signed form, answers 201
 * FormUploadResponse and fires signed_subscription_form.uploaded. Uploads carry no Idempotency-Key (Zest
 * calls them content-addressed); a second form replaces the first and fires the event again, which is
 * what a partner re-sending a corrected form expects.
 */
public final class UploadSubscriptionForm extends DocumentUploadHandler {

    public UploadSubscriptionForm(SandboxContext context, DocumentStorage storage) {
        super(context, storage, "-signed", "signed_subscription_form.uploaded");
    }

    @Override
    Subscription.UploadedDocument record(ApiRequest request, String url, Instant uploadedAt) {
        return new Subscription.UploadedDocument(url, uploadedAt, null, null, null);
    }

    @Override
    Subscription attach(Subscription subscription, Subscription.UploadedDocument form) {
        return subscription.withForm(form);
    }

    @Override
    void describe(Subscription subscription, Map<String, Object> body) {
        body.put("subscriptionFormUrl", subscription.form().url());
        body.put("uploadedAt", Json.timestamp(subscription.form().uploadedAt()));
    }
}
