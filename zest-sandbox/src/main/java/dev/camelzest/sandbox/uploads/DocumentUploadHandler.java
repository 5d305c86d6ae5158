package dev.camelzest.sandbox.uploads;

import java.time.Instant;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.Subscription;

/**
 * What the two subscription uploads share: the subscription the path names is checked, the document stored and
 * linked, attached to the subscription (replacing an earlier one of its kind), its event fired, and 201 answered.
 * Each upload says what it checks first, what it records and how it describes the result.
 */
abstract sealed class DocumentUploadHandler implements ApiHandler
        permits UploadSubscriptionForm, UploadFundingReceipt {

    private final SandboxContext context;
    private final DocumentStorage storage;
    private final String fileSuffix;
    private final String eventType;

    DocumentUploadHandler(SandboxContext context, DocumentStorage storage, String fileSuffix, String eventType) {
        this.context = context;
        this.storage = storage;
        this.fileSuffix = fileSuffix;
        this.eventType = eventType;
    }

    @Override
    public final ApiResponse handle(ApiRequest request) {
        Subscription target = checkState(UploadTarget.requireOpen(UploadTarget.of(request, context)));
        checkRequest(request);
        UploadedDocument document = UploadedDocument.of(request);
        Instant now = context.now();
        String fileName = storage.store(document, target.subscriptionSlug() + fileSuffix);
        Subscription.UploadedDocument stored = record(request, storage.link(context.baseUrl(), fileName, now), now);
        Subscription updated = context.state().subscriptions()
                .update(Subscription.key(target.spvSlug(), target.personId()),
                        current -> attach(checkState(UploadTarget.requireOpen(current)), stored))
                .orElseThrow();
        context.events().publish(eventType, body(updated, true), now);
        return ApiResponse.created(body(updated, false));
    }

    /** What this upload needs of the subscription beyond its being open (checked again as it is updated). */
    Subscription checkState(Subscription subscription) {
        return subscription;
    }

    /** Checks the request's own fields before its document is read. */
    void checkRequest(ApiRequest request) {
    }

    /** The record of the stored document, at {@code url}. */
    abstract Subscription.UploadedDocument record(ApiRequest request, String url, Instant uploadedAt);

    abstract Subscription attach(Subscription subscription, Subscription.UploadedDocument document);

    /** Adds the fields of this upload's response to the common ones. */
    abstract void describe(Subscription subscription, Map<String, Object> body);

    /** The upload's response; the event's data adds the partner's investor id (sandbox README, *Event payloads*). */
    private Map<String, Object> body(Subscription subscription, boolean event) {
        Map<String, Object> body = UploadTarget.describe(subscription, event);
        describe(subscription, body);
        return body;
    }
}
