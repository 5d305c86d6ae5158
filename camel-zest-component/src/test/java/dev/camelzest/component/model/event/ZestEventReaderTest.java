package dev.camelzest.component.model.event;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import dev.camelzest.component.json.ZestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The nine documented example deliveries read into their records. */
class ZestEventReaderTest {

    private final ZestEventReader reader = new ZestEventReader(ZestJson.newObjectMapper());

    @ParameterizedTest
    @CsvSource({
            "spv-request-created, SPV_REQUEST_CREATED, SpvRequestCreated",
            "spv-request-completed, SPV_REQUEST_COMPLETED, SpvRequestCompleted",
            "spv-request-rejected, SPV_REQUEST_REJECTED, SpvRequestRejected",
            "spv-request-cancelled, SPV_REQUEST_CANCELLED, SpvRequestCancelled",
            "investor-created, INVESTOR_CREATED, InvestorCreated",
            "subscription-created, SUBSCRIPTION_CREATED, SubscriptionCreated",
            "signed-form-uploaded, SIGNED_SUBSCRIPTION_FORM_UPLOADED, SignedSubscriptionFormUploaded",
            "funding-receipt-uploaded, FUNDING_RECEIPT_UPLOADED, FundingReceiptUploaded",
            "subscription-completed, SUBSCRIPTION_COMPLETED, SubscriptionCompleted" })
    void readsEveryDocumentedEvent(String example, ZestEventType type, String record) throws Exception {
        ZestEvent event = read(example);
        assertEquals(type, event.type().orElseThrow());
        assertEquals(type.dataType(), event.data().getClass());
        assertEquals(record, event.data().getClass().getSimpleName());
        assertEquals(type.wireName(), event.eventType());
        assertEquals("wde_", event.eventId().substring(0, 4));
    }

    @Test
    void keepsTheFieldsOfTheData() throws Exception {
        SpvRequestCompleted completed = read("spv-request-completed").dataAs(SpvRequestCompleted.class);
        assertEquals("veh_klm456", completed.materialisedRefs().vehicleSlug());
        assertEquals(Instant.parse("2026-05-08T09:30:00Z"), completed.approvedAt());

        FundingReceiptUploaded funding = read("funding-receipt-uploaded").dataAs(FundingReceiptUploaded.class);
        assertEquals("50000.00", funding.amount());
        assertEquals("ACME-WIRE-20260507-9921", funding.wireReference());
        assertEquals("acme-inv-7341", funding.partnerInvestorId());

        ZestEvent created = read("spv-request-created");
        assertEquals(Instant.parse("2026-05-07T12:00:00.123Z"), created.occurredAt());
        assertEquals("USD", created.dataAs(SpvRequestCreated.class).attributes().get("currency"));
    }

    @Test
    void keepsEventTypesItDoesNotKnowAndReadsOtherTimestampShapes() throws Exception {
        ZestEvent event = reader.read(("{\"eventId\":\"wde_0000000000000001\",\"eventType\":\"vehicle.closed\","
                                       + "\"occurredAt\":\"2026-05-07T12:00:00.123000\",\"data\":{\"spvSlug\":\"veh_1\"}}")
                .getBytes());
        assertEquals(Map.of("spvSlug", "veh_1"), assertInstanceOf(UnknownEventData.class, event.data()).fields());
        assertEquals(Instant.parse("2026-05-07T12:00:00.123Z"), event.occurredAt(), "a naive timestamp is UTC");
        assertEquals(Instant.parse("2026-05-07T10:00:00Z"), reader.read(
                "{\"eventType\":\"x\",\"occurredAt\":\"2026-05-07T12:00:00+02:00\"}".getBytes()).occurredAt());
        assertThrows(java.io.IOException.class, () -> reader.read("[]".getBytes()));
    }

    private ZestEvent read(String example) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/" + example + ".json")) {
            return reader.read(in.readAllBytes());
        }
    }
}
