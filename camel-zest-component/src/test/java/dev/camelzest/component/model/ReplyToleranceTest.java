package dev.camelzest.component.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.model.event.FundingReceiptUploaded;
import dev.camelzest.component.model.event.InvestorCreated;
import dev.camelzest.component.model.event.SignedSubscriptionFormUploaded;
import dev.camelzest.component.model.event.SpvRequestCancelled;
import dev.camelzest.component.model.event.SpvRequestCompleted;
import dev.camelzest.component.model.event.SpvRequestCreated;
import dev.camelzest.component.model.event.SpvRequestRejected;
import dev.camelzest.component.model.event.SubscriptionCompleted;
import dev.camelzest.component.model.event.SubscriptionCreated;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.model.event.ZestEventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zest promises additive changes only: every reply and event type is read with fields it does not know (at every
 * level) and with status values it does not know, and an unknown SPV request status survives a write back to JSON.
 */
class ReplyToleranceTest {

    private static final String NEW_STATUS = "under-audit";
    private final ObjectMapper mapper = ZestJson.newObjectMapper();

    static Stream<Class<? extends Record>> replyTypes() {
        return Stream.of(
                AggregationResponse.class, FeesAndCarryResponse.class, FormUploadResponse.class,
                FundingUploadResponse.class, HTTPValidationError.class, InfoResponse.class, InvestorBulkResponse.class,
                InvestorRowError.class, InvestorRowResult.class, MaterialisedRefsResponse.class, Money.class,
                PartnerErrorResponse.class, PartnerValidationError.class, ShareClassFeesAndCarry.class,
                SpvRequestResponse.class, SubscriptionBulkResponse.class, SubscriptionResult.class,
                TokenResponse.class, ValidationError.class,
                SpvRequestCreated.class, SpvRequestCompleted.class, SpvRequestRejected.class,
                SpvRequestCancelled.class, InvestorCreated.class, SubscriptionCreated.class,
                SignedSubscriptionFormUploaded.class, FundingReceiptUploaded.class, SubscriptionCompleted.class);
    }

    @ParameterizedTest
    @MethodSource("replyTypes")
    void everyReplyTypeReadsUnknownFieldsAndUnknownStatuses(Class<? extends Record> type) throws Exception {
        JsonNode reply = sample(type);

        Record read = mapper.treeToValue(reply, type);

        assertNotNull(read);
        JsonNode written = mapper.valueToTree(read);
        assertFalse(written.has("fieldOfANewerZest"), "unknown fields are ignored, not kept");
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class && component.getName().equals("status")) {
                assertEquals(NEW_STATUS, written.path("status").asText(), type.getSimpleName() + ".status");
            }
        }
    }

    @Test
    void anUnknownSpvRequestStatusIsKeptAndWrittenBackAsItCame() throws Exception {
        SpvRequestResponse read = mapper.readValue(
                "{\"spvRequestSlug\":\"svr_1\",\"status\":\"" + NEW_STATUS + "\",\"newField\":{\"a\":[1]}}",
                SpvRequestResponse.class);

        assertFalse(read.status().isKnown());
        assertFalse(read.status().isTerminal(), "nothing concludes Zest is done from a status it does not know");
        assertEquals(NEW_STATUS, read.status().wireValue());
        assertEquals("UNDER_AUDIT", read.status().name());
        assertEquals("\"" + NEW_STATUS + "\"", mapper.writeValueAsString(read.status()));
    }

    @Test
    void documentedStatusesAreTheConstants() {
        assertSame(SpvRequestStatus.APPROVED, SpvRequestStatus.fromWireValue("approved"));
        assertSame(SpvRequestStatus.PENDING_REVIEW, SpvRequestStatus.fromWireValue("PENDING_REVIEW"));
        assertTrue(SpvRequestStatus.CANCELLED.isTerminal());
        assertFalse(SpvRequestStatus.PENDING_REVIEW.isTerminal());
        assertEquals(SpvRequestStatus.fromWireValue(NEW_STATUS), SpvRequestStatus.fromWireValue(NEW_STATUS));
        assertThrows(IllegalArgumentException.class, () -> SpvRequestStatus.fromWireValue(" "));
    }

    @Test
    void anEventOfANewerZestIsReadWithItsUnknownFieldsAndStatus() throws Exception {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("eventId", "wde_1").put("eventType", "spv_request.created")
                .put("occurredAt", "2026-05-07T12:00:00Z").put("deliveryAttempt", 3);
        envelope.set("data", sample(SpvRequestCreated.class));

        ZestEvent event = new ZestEventReader(mapper).read(mapper.writeValueAsBytes(envelope));

        assertEquals(NEW_STATUS, event.dataAs(SpvRequestCreated.class).status());
    }

    /** A reply of the type with every field set, one unknown field on every object, and unknown status values. */
    private static JsonNode sample(Type type) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return json.textNode("text");
        }
        if (raw == SpvRequestStatus.class) {
            return json.textNode(NEW_STATUS);
        }
        if (raw == Instant.class) {
            return json.textNode("2026-05-07T12:00:00.123Z");
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return json.numberNode(new BigDecimal("12.50"));
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return json.numberNode(7);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return json.booleanNode(true);
        }
        if (raw == List.class) {
            ArrayNode list = json.arrayNode();
            list.add(sample(((ParameterizedType) type).getActualTypeArguments()[0]));
            return list;
        }
        if (raw == Map.class || raw == Object.class) {
            return json.objectNode().put("anything", "goes").set("fieldOfANewerZest", json.arrayNode().add(1));
        }
        if (raw.isRecord()) {
            ObjectNode object = json.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                boolean status = component.getName().equals("status") && component.getType() == String.class;
                object.set(component.getName(), status ? json.textNode(NEW_STATUS) : sample(component.getGenericType()));
            }
            object.set("fieldOfANewerZest", json.objectNode().put("nested", true));
            return object;
        }
        throw new IllegalStateException("No sample for " + type + ": extend the test with the new field type");
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }
}
