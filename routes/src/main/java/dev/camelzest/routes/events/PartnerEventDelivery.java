package dev.camelzest.routes.events;

import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.routes.ledger.WebhookEventLedger;
import dev.camelzest.routes.ledger.WebhookEventLedger.EventRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a Zest event from the webhook consumer to the partner's systems: records it and the state it reports in the
 * ledger, then prepares it for the target of its type (the envelope as JSON, with the event id and type as headers).
 * An event the ledger shows as delivered already is not delivered again. An event whose delivery failed for good is
 * written to the dead-letter store, from which {@link #replay} delivers it again.
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

    public PartnerEventDelivery(EventLedgerUpdates updates, WebhookEventLedger events, EventTargets targets,
            Clock clock) {
        this.updates = updates;
        this.events = events;
        this.targets = targets;
        this.clock = clock;
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
        prepare(exchange, envelope, eventId, eventType);
    }

    private void prepare(Exchange exchange, JsonNode envelope, String eventId, String eventType) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(ZestConstants.EVENT_ID, eventId);
        message.setHeader(ZestConstants.EVENT_TYPE, eventType);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(EventJson.write(envelope));
        exchange.setProperty(ENVELOPE, envelope);
        boolean delivered = events.byId(eventId).map(EventRecord::delivered).orElse(false);
        Optional<String> target = delivered ? Optional.empty() : targets.forType(eventType);
        if (delivered) {
            LOG.debug("Event {} ({}) was delivered already", eventId, eventType);
        }
        target.ifPresent(uri -> exchange.setProperty(TARGET, uri));
    }

    public void delivered(Exchange exchange) {
        events.delivered(exchange.getMessage().getHeader(ZestConstants.EVENT_ID, String.class));
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

    public void deadLettered(Exchange exchange) {
        events.deadLettered(exchange.getMessage().getHeader(ZestConstants.EVENT_ID, String.class));
    }
}
