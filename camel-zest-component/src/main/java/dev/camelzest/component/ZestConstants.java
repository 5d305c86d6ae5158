package dev.camelzest.component;

import org.apache.camel.spi.Metadata;

/** The headers of the zest: component. Headers set on the message override the endpoint's URI options. */
public final class ZestConstants {

    @Metadata(label = "producer", description = "The operation to call, overriding the one in the URI.",
              javaType = "dev.camelzest.component.ZestOperation")
    public static final String OPERATION = "CamelZestOperation";

    @Metadata(label = "producer", description = "The SPV (vehicle) slug of subscription and upload operations.",
              javaType = "String")
    public static final String SPV_SLUG = "CamelZestSpvSlug";
    @Metadata(label = "producer", description = "The Zest person id (zestPersonId) of upload operations.",
              javaType = "String")
    public static final String PERSON_ID = "CamelZestPersonId";
    @Metadata(label = "producer", description = "The SPV request slug of getSpvRequest and cancelSpvRequest.",
              javaType = "String")
    public static final String SLUG = "CamelZestSlug";
    @Metadata(label = "producer", description = "The contract version of the contracts operations, e.g. 1.0.0.",
              javaType = "String")
    public static final String VERSION = "CamelZestVersion";
    @Metadata(label = "producer",
              description = "The template, catalog, primitive or sample name of the contracts get operations.",
              javaType = "String")
    public static final String NAME = "CamelZestName";

    @Metadata(label = "producer", description = "The page of listSpvRequests (from 1).", javaType = "Integer")
    public static final String PAGE = "CamelZestPage";
    @Metadata(label = "producer", description = "The page size of listSpvRequests (1 to 100).", javaType = "Integer")
    public static final String PER_PAGE = "CamelZestPerPage";
    @Metadata(label = "producer",
              description = "Filter of listSpvRequests: pending-review, approved, rejected or cancelled.",
              javaType = "String")
    public static final String STATUS = "CamelZestStatus";

    @Metadata(label = "producer",
              description = "The Idempotency-Key of a write. Without it one is generated per exchange and kept on it, so"
                            + " that redeliveries of the exchange resend the same key.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelZestIdempotencyKey";

    @Metadata(label = "producer", description = "The wired amount of uploadFundingReceipt, a decimal string.",
              javaType = "String")
    public static final String AMOUNT = "CamelZestAmount";
    @Metadata(label = "producer", description = "The ISO 4217 currency of uploadFundingReceipt.", javaType = "String")
    public static final String CURRENCY = "CamelZestCurrency";
    @Metadata(label = "producer", description = "The wire reference of uploadFundingReceipt.", javaType = "String")
    public static final String WIRE_REFERENCE = "CamelZestWireReference";

    @Metadata(label = "producer", description = "The HTTP status of Zest's reply.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelZestHttpStatus";
    @Metadata(label = "producer", description = "Zest's errorId of a failed call, to cite to Zest support.",
              javaType = "String")
    public static final String ERROR_ID = "CamelZestErrorId";
    @Metadata(label = "producer", description = "Zest's error code of a failed call, e.g. conflict.", javaType = "String")
    public static final String ERROR_CODE = "CamelZestErrorCode";

    @Metadata(label = "consumer", description = "The HTTP header with which Zest signs its webhook deliveries"
                                                + " (a timestamp t and v1 HMAC-SHA256 signatures). Verified by the consumer"
                                                + " and removed before the event is routed.", javaType = "String")
    public static final String SIGNATURE = "Zest-Signature";
    @Metadata(label = "consumer", description = "The eventId of a received Zest webhook event (wde_...), its"
                                                + " de-duplication key.", javaType = "String")
    public static final String EVENT_ID = "CamelZestEventId";
    @Metadata(label = "consumer", description = "The eventType of a received Zest webhook event, e.g."
                                                + " spv_request.created.", javaType = "String")
    public static final String EVENT_TYPE = "CamelZestEventType";
    @Metadata(label = "consumer", description = "When the received Zest webhook event occurred; the only ordering Zest"
                                                + " gives.", javaType = "java.time.Instant")
    public static final String OCCURRED_AT = "CamelZestOccurredAt";

    /**
     * Exchange property holding the Idempotency-Keys generated for this exchange, one per producer, so that a
     * redelivery of the exchange reuses them.
     */
    public static final String IDEMPOTENCY_KEYS_PROPERTY = "CamelZestIdempotencyKeys";

    private ZestConstants() {
    }
}
