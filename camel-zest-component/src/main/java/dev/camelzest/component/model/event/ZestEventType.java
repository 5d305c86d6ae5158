package dev.camelzest.component.model.event;

import java.util.Optional;

/** The documented webhook event types and the record their {@code data} maps to. */
public enum ZestEventType {
    SPV_REQUEST_CREATED("spv_request.created", SpvRequestCreated.class),
    SPV_REQUEST_COMPLETED("spv_request.completed", SpvRequestCompleted.class),
    SPV_REQUEST_REJECTED("spv_request.rejected", SpvRequestRejected.class),
    SPV_REQUEST_CANCELLED("spv_request.cancelled", SpvRequestCancelled.class),
    INVESTOR_CREATED("investor.created", InvestorCreated.class),
    SUBSCRIPTION_CREATED("subscription.created", SubscriptionCreated.class),
    SIGNED_SUBSCRIPTION_FORM_UPLOADED("signed_subscription_form.uploaded", SignedSubscriptionFormUploaded.class),
    FUNDING_RECEIPT_UPLOADED("funding_receipt.uploaded", FundingReceiptUploaded.class),
    SUBSCRIPTION_COMPLETED("subscription.completed", SubscriptionCompleted.class);

    private final String wireName;
    private final Class<? extends ZestEventData> dataType;

    ZestEventType(String wireName, Class<? extends ZestEventData> dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    /** The {@code eventType} string on the wire, e.g. {@code spv_request.created}. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends ZestEventData> dataType() {
        return dataType;
    }

    public static Optional<ZestEventType> fromWireName(String wireName) {
        for (ZestEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
