package dev.camelzest.component.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.LogFields;
import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.metrics.ZestMetrics;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.model.event.ZestEventReader;
import dev.camelzest.component.webhook.WebhookRefusals.Reason;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook request: verifies it on the raw bytes, reads the typed event, drops filtered-out types and
 * duplicates, routes the rest and acknowledges with 2xx only once the route succeeded. Refused requests get a 4xx
 * with a short reason, never reach the route, and are counted in {@link WebhookRefusals} rather than logged one by
 * one:
 * <ul>
 * <li>413 body over the size limit, 415 a multipart or form body (any other Content-Type, or none, is read);</li>
 * <li>400 an empty body, a malformed Zest-Signature header, or a body that is not a Zest event (checked after the
 *     signature);</li>
 * <li>401 a missing, stale (or future), forged or otherwise non-matching signature: the request is not proven to
 *     come from Zest. 401 rather than 403 because what fails is the proof of origin, not a permission.</li>
 * </ul>
 * The event's id is claimed before the route runs ({@link EventDeduplicator}): a copy of an event still in the route
 * is answered 409, a route failure 500 so that Zest retries. The verified {@code Zest-Signature} header is removed
 * before routing, so that a route forwarding the message does not pass it on.
 * <p>
 * Stopping waits (up to {@value #STOP_WAIT_SECONDS} s, longer than Zest waits for an answer) for the requests in
 * progress, and answers 503 to every request that reaches the handler once the stop has begun, without routing it.
 * Camel stops the route's consumer (and so this handler) before the route's processors, but platform-http reads a
 * request's body and queues it for a worker thread before the handler sees it: such a request could otherwise enter
 * the route after the wait, while Camel stops the route's processors under it. An event already handed to the
 * partner would then fail before its delivery is recorded, be answered 500, be delivered again by Zest after the
 * restart, and reach the partner twice.
 */
public final class ZestWebhookHandler extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ZestWebhookHandler.class);
    static final int STOP_WAIT_SECONDS = 15;

    private final ZestWebhookSignature signature;
    private final WebhookBodyReader bodyReader;
    private final ZestEventReader eventReader;
    private final Set<String> eventTypes;
    private final EventDeduplicator deduplicator;
    private final WebhookRefusals refusals;
    private final Processor route;
    private final Object idle = new Object();
    /** Guarded by {@link #idle}: a request is routed only if it is counted while the handler accepts. */
    private int inProgress;
    private boolean accepting;
    private volatile ZestMetrics metrics = ZestMetrics.NONE;

    ZestWebhookHandler(ZestWebhookSignature signature, WebhookBodyReader bodyReader, ZestEventReader eventReader,
                       Set<String> eventTypes, EventDeduplicator deduplicator, WebhookRefusals refusals,
                       Processor route) {
        this.signature = signature;
        this.bodyReader = bodyReader;
        this.eventReader = eventReader;
        this.eventTypes = eventTypes;
        this.deduplicator = deduplicator;
        this.refusals = refusals;
        this.route = route;
    }

    /** The handler of an endpoint's configuration, routing to {@code route} and counting refusals in {@code refusals}. */
    public static ZestWebhookHandler create(ZestConfiguration configuration, IdempotentRepository repository,
                                            ObjectMapper mapper, WebhookRefusals refusals, Processor route) {
        ZestWebhookSignature signature = ZestWebhookSignature.of(configuration.webhookSecrets())
                .withTolerance(Duration.ofMillis(configuration.getSignatureTolerance()));
        return new ZestWebhookHandler(signature, new WebhookBodyReader(configuration.getWebhookMaxBodySize()),
                new ZestEventReader(mapper), configuration.eventTypeFilter(), new EventDeduplicator(repository), refusals, route);
    }

    /** Measures every request's answer in these metrics. */
    public void measureIn(ZestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ZestMetrics.WebhookDelivery delivery = metrics.webhookStarted();
        try {
            admit(exchange);
        } finally {
            delivery.end(WebhookOutcomes.of(exchange.getMessage()));
        }
    }

    private void admit(Exchange exchange) throws Exception {
        synchronized (idle) {
            if (!accepting) {
                LOG.debug("Webhook request answered 503: the consumer is not running");
                reply(exchange.getMessage(), 503, "not accepting events now; retry later");
                return;
            }
            inProgress++;
        }
        try {
            handle(exchange);
        } finally {
            synchronized (idle) {
                inProgress--;
                idle.notifyAll();
            }
        }
    }

    /**
     * Whether a request reaching the handler now would be routed: false from the moment the stop takes effect, which
     * is a little after the service reports {@link #isStopping()}.
     */
    public boolean isAccepting() {
        synchronized (idle) {
            return accepting;
        }
    }

    @Override
    protected void doStart() {
        synchronized (idle) {
            accepting = true;
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        synchronized (idle) {
            accepting = false;
            long left;
            while (inProgress > 0 && (left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                idle.wait(left);
            }
            if (inProgress > 0) {
                LOG.warn("Stopping with {} webhook request(s) still in progress; Zest will deliver them again",
                        inProgress);
            }
        }
    }

    private void handle(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ZestEvent event;
        try {
            byte[] body = bodyReader.read(message);
            verify(message.getHeader(ZestConstants.SIGNATURE, String.class), body);
            event = read(body);
        } catch (WebhookRejectedException e) {
            refusals.record(e.reason(), e.getMessage());
            reply(message, e.status(), e.getMessage());
            return;
        }
        // the lines about this delivery, the component's and the route's, name its event
        try (LogFields fields = LogFields.of(ZestConstants.EVENT_ID, event.eventId(),
                ZestConstants.EVENT_TYPE, event.eventType())) {
            LOG.debug("Zest event {} {} occurred at {}", event.eventId(), event.eventType(), event.occurredAt());
            if (!eventTypes.isEmpty() && !eventTypes.contains(event.eventType())) {
                reply(message, 200, "ignored");
                return;
            }
            switch (deduplicator.claim(event.eventId())) {
                case DUPLICATE -> reply(message, 200, "duplicate");
                case IN_FLIGHT -> reply(message, 409, "event being processed; retry later");
                case CLAIMED -> route(exchange, event);
            }
        }
    }

    /** Routes a claimed event; the claim is confirmed or released on every way out, an {@link Error} included. */
    private void route(Exchange exchange, ZestEvent event) {
        Message message = exchange.getMessage();
        message.removeHeader(ZestConstants.SIGNATURE);
        message.setBody(event);
        message.setHeader(ZestConstants.EVENT_ID, event.eventId());
        message.setHeader(ZestConstants.EVENT_TYPE, event.eventType());
        message.setHeader(ZestConstants.OCCURRED_AT, event.occurredAt());
        boolean confirmed = false;
        try {
            try {
                route.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (!exchange.isFailed()) {
                deduplicator.confirm(event.eventId());
                confirmed = true;
                reply(exchange.getMessage(), 200, "accepted");
                return;
            }
        } finally {
            if (!confirmed) {
                deduplicator.release(event.eventId());
            }
        }
        LOG.warn("Zest event {} failed in the route; answered 500 so that Zest delivers it again", event.eventId(),
                exchange.getException());
        exchange.setException(null);
        exchange.setRollbackOnly(false);
        reply(exchange.getMessage(), 500, "not processed; retry later");
    }

    private void verify(String header, byte[] body) throws WebhookRejectedException {
        try {
            signature.verify(header, body);
        } catch (ZestWebhookSignatureException e) {
            throw new WebhookRejectedException(Reason.ofSignature(e.getReason()), e.getMessage());
        }
    }

    private ZestEvent read(byte[] body) throws WebhookRejectedException {
        ZestEvent event;
        try {
            event = eventReader.read(body);
        } catch (IOException | IllegalArgumentException e) {
            throw new WebhookRejectedException(Reason.NOT_AN_EVENT, "body is not a Zest event");
        }
        if (isBlank(event.eventId()) || isBlank(event.eventType())) {
            throw new WebhookRejectedException(Reason.NOT_AN_EVENT, "event without eventId or eventType");
        }
        return event;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The whole reply: no request header (Zest-Signature among them) is echoed back. */
    private static void reply(Message message, int status, String reason) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(reason.getBytes(StandardCharsets.UTF_8));
    }
}
