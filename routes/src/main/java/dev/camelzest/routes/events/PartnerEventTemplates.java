package dev.camelzest.routes.events;

import static dev.camelzest.routes.support.TemplateSupport.ref;
import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import java.nio.file.Path;
import java.time.Clock;

import dev.camelzest.routes.filedrop.FileDropRoutes;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Zest events into the partner's systems. {@value #EVENTS} takes verified, de-duplicated events from the webhook
 * consumer, records them and the state they report in the ledger, and delivers each to the Camel URI configured for
 * its type (HTTP callback, file, JMS, Kafka, ...). A failing target is retried with exponential backoff; an event that
 * still cannot be delivered is written, with the reason, to the dead-letter directory, never dropped.
 * {@value #REPLAY} delivers the dead letters again, to the targets configured now.
 * <p>
 * The webhook exchange waits for the delivery, so the retries should fit in Zest's 10 s delivery timeout (the
 * defaults take 3.5 s): a longer outage belongs to the dead letter and its replay. When the ledger cannot be
 * written the webhook fails and Zest delivers the event again later.
 */
public class PartnerEventTemplates extends RouteBuilder {

    public static final String EVENTS = "zest-events-to-partner";
    public static final String REPLAY = "zest-events-replay";

    private static final String DELIVERY = "partnerEventDelivery";
    private static final String RECEIVE = "partnerEventReceive";
    private static final String REPLAY_LETTER = "partnerEventReplay";
    private static final String DEAD_LETTER = "partnerEventDeadLetter";
    private static final String DEAD_LETTERED = "partnerEventDeadLettered";
    private static final String DELIVERED = "partnerEventDelivered";

    @Override
    public void configure() {
        RouteTemplateDefinition events = commonParameters(routeTemplate(EVENTS)
                .description("Zest webhook events into the ledger and the partner's systems")
                .templateParameter("source", "webhook:zest:events",
                        "Where verified events come from: the zest: webhook consumer"));
        RouteDefinition route = events.from("{{source}}");
        // an unsafe id or type never becomes safe: not retried, and the webhook fails so Zest keeps the event
        route.onException(InvalidEventException.class).maximumRedeliveries(0).end();
        notWaitedFor(route);
        deadLettered(route);
        retried(route.onException(Exception.class));
        route.process(ref(RECEIVE));
        deliver(route);

        // on a dead-letter directory shared by several replicas, one replays at a time: singletonPrefix
        RouteTemplateDefinition replay = TemplateSupport.singletonParameter(commonParameters(routeTemplate(REPLAY)
                .description("Delivers dead-lettered Zest events again")
                .templateParameter("replayedDirectory", "replayed",
                        "Where replayed dead letters are moved (relative to the dead-letter directory)")
                .templateParameter("invalidDirectory", "invalid",
                        "Where dead letters that hold no event safe to deliver are moved (relative to the"
                        + " dead-letter directory)")
                .templateParameter("pollDelay", "60000", "Milliseconds between looks at the dead-letter directory")));
        RouteDefinition replayRoute = replay.from("{{singletonPrefix}}file:{{deadLetterDirectory}}?include=.*\\.json"
                + "&move=${exchangeProperty." + PartnerEventDelivery.LETTER_ARCHIVE + "}/${file:name.noext}"
                + "-${date:now:yyyyMMddHHmmssSSS}.json"
                + "&delay={{pollDelay}}&readLock=changed&readLockCheckInterval=500&autoCreate=true");
        replayRoute.onException(InvalidEventException.class)
                .handled(true)
                .logStackTrace(false)
                .log(LoggingLevel.WARN, "Dead letter ${header.CamelFileName} holds no event safe to deliver,"
                        + " moved to {{invalidDirectory}}: ${exception.message}")
                .setProperty(PartnerEventDelivery.LETTER_ARCHIVE, constant("{{invalidDirectory}}"))
                .end();
        notWaitedFor(replayRoute);
        // a replay that fails again is not handled: the letter stays for the next poll, and the event's delivery
        // claim ends with it so that the next poll can deliver it
        retried(replayRoute.onException(Exception.class)
                .onWhen(exchangeProperty(PartnerEventDelivery.DELIVERING).isNotNull()))
                .process(ref(DEAD_LETTERED))
                .end();
        retried(replayRoute.onException(Exception.class));
        replayRoute.setProperty(PartnerEventDelivery.LETTER_ARCHIVE, constant("{{replayedDirectory}}"))
                .process(ref(REPLAY_LETTER));
        deliver(replayRoute);
    }

    private static RouteTemplateDefinition commonParameters(RouteTemplateDefinition template) {
        return TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(template
                .templateParameter("targets", "",
                        "eventType=uri pairs separated by white space, e.g. subscription.completed=https://crm/hooks")
                .templateParameter("defaultTarget", "",
                        "The URI of every event type without its own target; empty: such events stay in the ledger")
                .templateParameter("deadLetterDirectory", "data/zest-events/dead-letter",
                        "Where events that could not be delivered are written, one JSON file per event")
                .templateParameter("deliveryLease", "120000",
                        "Milliseconds a delivery's claim in the ledger keeps other instances and replays from"
                        + " delivering the same event; a claim older than this (its instance died) is taken over."
                        + " Longer than a delivery's worst case: the retries and the target's timeouts")),
                "3", "500", "5000")
                .templateBean(RECEIVE, Processor.class, rtc -> (Processor) delivery(rtc)::receive)
                .templateBean(REPLAY_LETTER, Processor.class, rtc -> (Processor) delivery(rtc)::replay)
                .templateBean(DEAD_LETTER, Processor.class, rtc -> (Processor) delivery(rtc)::deadLetter)
                .templateBean(DEAD_LETTERED, Processor.class, rtc -> (Processor) delivery(rtc)::deadLettered)
                .templateBean(DELIVERED, Processor.class, rtc -> (Processor) delivery(rtc)::delivered);
    }

    /** Another delivery of the event is under way: waiting here would hold the webhook; it comes again later. */
    private static void notWaitedFor(RouteDefinition route) {
        route.onException(EventBeingDeliveredException.class).maximumRedeliveries(0).logStackTrace(false).end();
    }

    /** The target call, retried with backoff; when retries are exhausted the event goes to the dead letter. */
    private void deadLettered(RouteDefinition route) {
        retried(route.onException(Exception.class)
                .onWhen(exchangeProperty(PartnerEventDelivery.DELIVERING).isNotNull()))
                .handled(true)
                .process(ref(DEAD_LETTER))
                .to("file:{{deadLetterDirectory}}?" + FileDropRoutes.REPLACING_WRITE_OPTIONS)
                .process(ref(DEAD_LETTERED))
                .end();
    }

    private void deliver(RouteDefinition route) {
        route.filter(exchangeProperty(PartnerEventDelivery.TARGET).isNotNull())
                .setProperty(PartnerEventDelivery.DELIVERING, constant(true))
                .toD("${exchangeProperty." + PartnerEventDelivery.TARGET + "}")
                .removeProperty(PartnerEventDelivery.DELIVERING)
                .process(ref(DELIVERED))
                .end();
    }

    /** The route's one {@link PartnerEventDelivery}, shared by its steps. */
    private static PartnerEventDelivery delivery(RouteTemplateContext rtc) {
        return TemplateSupport.routeBean(rtc, DELIVERY, PartnerEventDelivery.class, () -> {
            Ledger ledger = TemplateSupport.ledger(rtc);
            DeadLetterGauge.register(rtc.getCamelContext(), Path.of(text(rtc, "deadLetterDirectory")));
            return new PartnerEventDelivery(new EventLedgerUpdates(ledger), ledger.webhookEvents(),
                    EventTargets.parse(text(rtc, "targets"), text(rtc, "defaultTarget")), Clock.systemUTC(),
                    TemplateSupport.duration(text(rtc, "deliveryLease")));
        });
    }
}
