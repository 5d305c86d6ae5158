package dev.camelzest.sandbox.uploads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiRequest;
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
public final class UploadFundingReceipt extends DocumentUploadHandler {

    public UploadFundingReceipt(SandboxContext context, DocumentStorage storage) {
        super(context, storage, "-receipt", "funding_receipt.uploaded");
    }

    @Override
    Subscription checkState(Subscription subscription) {
        if (subscription.form() == null) {
            throw ApiException.conflict("The signed subscription form of " + subscription.subscriptionSlug()
                    + " is not on record yet; upload it before the funding receipt.");
        }
        return subscription;
    }

    @Override
    void checkRequest(ApiRequest request) {
        validate(attribute(request, "amount"), attribute(request, "currency"), attribute(request, "wireReference"));
    }

    @Override
    Subscription.UploadedDocument record(ApiRequest request, String url, Instant uploadedAt) {
        return new Subscription.UploadedDocument(url, uploadedAt, attribute(request, "amount"),
                attribute(request, "currency"), attribute(request, "wireReference"));
    }

    @Override
    Subscription attach(Subscription subscription, Subscription.UploadedDocument receipt) {
        return subscription.withFunding(receipt);
    }

    @Override
    void describe(Subscription subscription, Map<String, Object> body) {
        Subscription.UploadedDocument receipt = subscription.funding();
        body.put("fundingReceiptUrl", receipt.url());
        body.put("amount", receipt.amount());
        body.put("currency", receipt.currency());
        body.put("wireReference", receipt.wireReference());
        body.put("uploadedAt", Json.timestamp(receipt.uploadedAt()));
    }

    private static String attribute(ApiRequest request, String name) {
        return request.formAttribute(name).orElse(null);
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
}
