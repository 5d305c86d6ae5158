package dev.camelzest.routes.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.routes.ledger.WebhookEventLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a Zest event from the webhook consumer to the partner's systems: records it and the state it reports in the
 * ledger, then prepares it for the target of its type (the envelope as JSON, with the event id and type as headers).
 * The delivery is claimed in the ledger first ({@link WebhookEventLedger#claimDelivery}): an event delivered already
 * is not delivered again, and one that another instance (or a replay) is delivering right now fails with
 * {@link EventBeingDeliveredException}, to come again later. An event whose delivery failed for good is written to
 * the dead-letter store, from which {@link #replay} delivers it again.
 */
public final class PartnerEventDelivery {

    /** Exchange property: the URI the event goes to; absent when it goes nowhere. */
    public static final String TARGET = "zestEventTarget";
    /** Exchange property: set while the target is called, so that only delivery failures are dead-lettered. */
    public static final String DELIVERING = "zestEventDelivering";
    /** Exchange property: the directory, relative to the dead letters, a replayed letter is moved to. */
    public static final String LETTER_ARCHIVE = "zestEventLetterArchive";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerEventDelivery.class);
    private static final String ENVELOPE = "zestEventEnvelope";

    private final EventLedgerUpdates updates;
    private final WebhookEventLedger events;
    private final EventTargets targets;
    private final Clock clock;
    private final Duration deliveryLease;

    /** {@code deliveryLease}: how long a delivery's claim keeps others off; longer than a delivery's worst case. */
    public PartnerEventDelivery(EventLedgerUpdates updates, WebhookEventLedger events, EventTargets targets,
            Clock clock, Duration deliveryLease) {
        this.updates = updates;
        this.events = events;
        this.targets = targets;
        this.clock = clock;
        this.deliveryLease = deliveryLease;
    }

    /** A received event: into the ledger, then ready for its target. */
    public void receive(Exchange exchange) {
        JsonNode envelope = EventJson.tree(exchange.getMessage().getBody());
        ZestEvent event = EventJson.read(envelope);
        InvalidEventException.check(event.eventId(), event.eventType());
        updates.apply(event);
        prepare(exchange, envelope, event.eventId(), event.eventType());
    }

    /** A dead letter: the event it holds, ready for the target its type has now. */
    public void replay(Exchange exchange) {
        JsonNode letter = EventJson.tree(exchange.getMessage().getBody(byte[].class));
        JsonNode envelope = letter.path("event");
        String eventId = envelope.path("eventId").asText(null);
        String eventType = envelope.path("eventType").asText(null);
        InvalidEventException.check(eventId, eventType);
        events.received(eventId, eventType, occurredAt(envelope));
        prepare(exchange, envelope, eventId, eventType);
    }

    private static Instant occurredAt(JsonNode envelope) {
        try {
            return Instant.parse(envelope.path("occurredAt").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void prepare(Exchange exchange, JsonNode envelope, String eventId, String eventType) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(ZestConstants.EVENT_ID, eventId);
        message.setHeader(ZestConstants.EVENT_TYPE, eventType);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(EventJson.write(envelope));
        exchange.setProperty(ENVELOPE, envelope);
        Optional<String> target = targets.forType(eventType);
        if (target.isEmpty()) {
            return;
        }
        switch (events.claimDelivery(eventId, deliveryLease)) {
            case CLAIMED -> exchange.setProperty(TARGET, target.get());
            case DELIVERED_ALREADY -> LOG.debug("Event {} ({}) was delivered already", eventId, eventType);
            case BEING_DELIVERED -> throw new EventBeingDeliveredException(eventId);
        }
    }

    public void delivered(Exchange exchange) {
        String eventId = eventId(exchange);
        if (!events.delivered(eventId)) {
            LOG.warn("Event {} was marked delivered by another delivery while this one ran longer than the delivery"
                     + " lease ({}): it reached the partner twice", eventId, deliveryLease);
        }
    }

    /** The dead letter of an event its target refused: the event, the target and the reason, as JSON. */
    public void deadLetter(Exchange exchange) {
        Message message = exchange.getMessage();
        // the event's identity comes from the exchange, not the message: a failed target may have replaced the
        // message's headers (camel-http 4.14 leaves only the response's when it throws)
        JsonNode envelope = exchange.getProperty(ENVELOPE, JsonNode.class);
        String eventId = envelope.path("eventId").asText(null);
        String eventType = envelope.path("eventType").asText(null);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String target = exchange.getProperty(TARGET, String.class);
        ObjectNode letter = EventJson.mapper().createObjectNode();
        letter.put("eventId", eventId);
        letter.put("eventType", eventType);
        letter.put("target", target == null ? null : URISupport.sanitizeUri(target));
        letter.put("reason", failure == null ? "unknown" : URISupport.sanitizeUri(failure.toString()));
        letter.put("failedAt", clock.instant().toString());
        letter.set("event", envelope);
        LOG.warn("Event {} could not be delivered to {}: dead-lettered ({})", eventId, letter.path("target").asText(),
                letter.path("reason").asText());
        message.removeHeaders("*");
        message.setHeader(ZestConstants.EVENT_ID, eventId);
        message.setHeader(ZestConstants.EVENT_TYPE, eventType);
        message.setHeader(Exchange.FILE_NAME, eventId + ".json");
        message.setBody(EventJson.write(letter));
    }

    /** The event is dead-lettered (or its replay failed): its delivery claim ends, so that a replay can deliver it. */
    public void deadLettered(Exchange exchange) {
        events.deadLettered(eventId(exchange));
    }

    /** From the exchange, not the message: a failed target may have replaced the message's headers. */
    private static String eventId(Exchange exchange) {
        return exchange.getProperty(ENVELOPE, JsonNode.class).path("eventId").asText(null);
    }
}
