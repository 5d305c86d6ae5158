package dev.camelzest.sandbox.uploads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.http.ValidationErrorItem;
import dev.camelzest.sandbox.state.Subscription;
import dev.camelzest.sandbox.subscriptions.MoneyFormat;

/**
 * POST /v1/spvs/{spv_slug}/subscription/{person_id}/fundings: the wire receipt with amount, currency and
 * wireReference. Strict order: 409 conflict until the signed form is on record, and once the subscription
 * is completed. Answers 201 FundingUploadResponse and fires funding_receipt.uploaded; a later receipt
 * replaces the earlier one.
 */
public final class UploadFundingReceipt implements ApiHandler {

    private static final String FUNDING_UPLOADED = "funding_receipt.uploaded";

    private final SandboxContext context;
    private final DocumentStorage storage;

    public UploadFundingReceipt(SandboxContext context, DocumentStorage storage) {
        this.context = context;
        this.storage = storage;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Subscription target = requireForm(UploadTarget.requireOpen(UploadTarget.of(request, context)));
        String amount = request.formAttribute("amount").orElse(null);
        String currency = request.formAttribute("currency").orElse(null);
        String wireReference = request.formAttribute("wireReference").orElse(null);
        validate(amount, currency, wireReference);
        UploadedDocument document = UploadedDocument.of(request);
        Instant now = context.now();
        String fileName = storage.store(document, target.subscriptionSlug() + "-receipt");
        Subscription.UploadedDocument receipt = new Subscription.UploadedDocument(
                storage.link(context.baseUrl(), fileName, now), now, amount, currency, wireReference);
        Subscription updated = context.state().subscriptions()
                .update(Subscription.key(target.spvSlug(), target.personId()),
                        current -> requireForm(UploadTarget.requireOpen(current)).withFunding(receipt))
                .orElseThrow();
        context.events().publish(FUNDING_UPLOADED, body(updated, true), now);
        return ApiResponse.created(body(updated, false));
    }

    private static Subscription requireForm(Subscription subscription) {
        if (subscription.form() == null) {
            throw ApiException.conflict("The signed subscription form of " + subscription.subscriptionSlug()
                    + " is not on record yet; upload it before the funding receipt.");
        }
        return subscription;
    }

    private static void validate(String amount, String currency, String wireReference) {
        List<ValidationErrorItem> errors = new ArrayList<>();
        if (amount == null || !MoneyFormat.isPositiveDecimal(amount)) {
            errors.add(new ValidationErrorItem("amount", amount == null ? "required" : "format",
                    "amount must be a positive decimal string", amount));
        }
        if (currency == null || !MoneyFormat.isCurrency(currency)) {
            errors.add(new ValidationErrorItem("currency", currency == null ? "required" : "format",
                    "currency must be an ISO 4217 code", currency));
        }
        if (wireReference == null || wireReference.isBlank()) {
            errors.add(new ValidationErrorItem("wireReference", "required", "wireReference is required",
                    wireReference));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validationError("Funding metadata failed validation.", errors);
        }
    }

    /** FundingUploadResponse; the event's data adds the partner's investor id (FACTS.md §6.3). */
    private static Map<String, Object> body(Subscription subscription, boolean event) {
        Subscription.UploadedDocument receipt = subscription.funding();
        Map<String, Object> body = UploadTarget.describe(subscription, event);
        body.put("fundingReceiptUrl", receipt.url());
        body.put("amount", receipt.amount());
        body.put("currency", receipt.currency());
        body.put("wireReference", receipt.wireReference());
        body.put("uploadedAt", Json.timestamp(receipt.uploadedAt()));
        return body;
    }
}
