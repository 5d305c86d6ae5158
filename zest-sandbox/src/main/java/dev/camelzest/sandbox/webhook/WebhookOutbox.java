package dev.camelzest.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The sandbox's webhook outbox (sandbox README, *Webhook delivery*): every published event is recorded first,
 * as a pending delivery whose JSON body is fixed once, then POSTed, signed, to the configured URL; failed attempts
 * follow Zest's retry schedule (scaled by {@link WebhookSettings#timeScale()}) and end dead-lettered,
 * kept until {@link #replay replayed}. Without a URL deliveries wait, pending, until one is configured.
 *
 * <p>Thread-safe: the records and queues are guarded by one lock held only for bookkeeping, never across
 * I/O. At most {@link #MAX_IN_FLIGHT} attempts run at once, on the Vert.x event loops; the rest queue.
 */
public final class WebhookOutbox implements EventPublisher, AutoCloseable {

    /** Attempts in progress at once; more deliveries wait in the queue. */
    public static final int MAX_IN_FLIGHT = 16;
    /** Zest's timeout per attempt; real time, never scaled. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Delivered deliveries kept for the admin API (the oldest are forgotten beyond it, so that a bulk run
     * cannot fill the heap). Pending and dead ones are always kept: the outbox never loses an event.
     */
    public static final int DELIVERED_RETAINED = 50_000;
    /** How long shuffle mode holds deliveries before sending the batch in random order. */
    static final Duration SHUFFLE_WINDOW = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutbox.class);

    private final Vertx vertx;
    private final Clock clock;
    private final WebhookSender sender;
    private final Random random;
    private final AtomicLong version = new AtomicLong();

    private final Object lock = new Object();
    private WebhookSettings settings;
    /** Every known delivery by id, oldest first. */
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    /** Due now, waiting for a free attempt slot. */
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    /** Due, but no URL is configured. */
    private final Set<String> parked = new LinkedHashSet<>();
    /** Due, held by shuffle mode until the window closes. */
    private final List<String> held = new ArrayList<>();
    private final ArrayDeque<String> deliveredOrder = new ArrayDeque<>();
    private long shuffleTimer = -1;
    private int inFlight;
    /** Bumped by clear, restore and close: timers and responses of an older generation change nothing. */
    private long generation;
    private boolean closed;

    public WebhookOutbox(Vertx vertx, WebhookSettings settings) {
        this(vertx, settings, Clock.systemUTC());
    }

    public WebhookOutbox(Vertx vertx, WebhookSettings settings, Clock clock) {
        this(vertx, settings, clock, ATTEMPT_TIMEOUT);
    }

    /** {@code attemptTimeout} other than Zest's 10 s only to test slow receivers quickly. */
    public WebhookOutbox(Vertx vertx, WebhookSettings settings, Clock clock, Duration attemptTimeout) {
        this(vertx, settings, clock, attemptTimeout, new Random());
    }

    /** {@code shuffleOrder} draws the order shuffle mode sends a held batch in: seeded, a run can be replayed. */
    public WebhookOutbox(Vertx vertx, WebhookSettings settings, Clock clock, Duration attemptTimeout,
                         Random shuffleOrder) {
        this.random = Objects.requireNonNull(shuffleOrder, "shuffleOrder");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = settings != null ? settings : WebhookSettings.unconfigured();
        this.sender = new WebhookSender(vertx, MAX_IN_FLIGHT, attemptTimeout);
    }

    /**
     * Records the event (two deliveries of it in duplicate mode) and returns; delivery is asynchronous.
     * {@code data} is serialised now, so later changes to the map do not reach the body.
     */
    @Override
    public void publish(String eventType, Map<String, Object> data, Instant occurredAt) {
        Objects.requireNonNull(eventType, "eventType");
        Instant now = clock.instant();
        Instant occurred = (occurredAt != null ? occurredAt : now).truncatedTo(ChronoUnit.MILLIS);
        String eventId = Ids.eventId();
        String body = WebhookJson.envelope(eventId, eventType, occurred, data != null ? data : Map.of());
        List<Attempt> attempts;
        synchronized (lock) {
            int copies = settings.duplicate() ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                Delivery delivery = Delivery.pending(Ids.deliveryId(), eventId, eventType, occurred, body, now);
                deliveries.put(delivery.id(), delivery);
                dispatch(delivery.id());
            }
            version.incrementAndGet();
            attempts = takeAttempts();
        }
        start(attempts);
    }

    /** Applies new settings; pending deliveries waiting for a URL go out once one is set. */
    public void configure(WebhookSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        List<Attempt> attempts;
        synchronized (lock) {
            settings = newSettings;
            if (newSettings.hasUrl()) {
                List<String> waiting = new ArrayList<>(parked);
                parked.clear();
                waiting.forEach(this::dispatch);
            }
            if (!newSettings.shuffle()) {
                releaseHeld();
            }
            attempts = takeAttempts();
        }
        LOG.info("Webhook delivery settings: {}", newSettings);
        start(attempts);
    }

    public WebhookSettings settings() {
        synchronized (lock) {
            return settings;
        }
    }

    /** The deliveries with that status (all when null), oldest first, newest last. */
    public List<Delivery> deliveries(DeliveryStatus statusOrNull) {
        synchronized (lock) {
            return deliveries.values().stream()
                    .filter(delivery -> statusOrNull == null || delivery.status() == statusOrNull)
                    .toList();
        }
    }

    public Optional<Delivery> delivery(String deliveryId) {
        synchronized (lock) {
            return Optional.ofNullable(deliveries.get(deliveryId));
        }
    }

    /**
     * Starts a new cycle of attempts for a dead (or already delivered) delivery, with the same eventId and
     * body: what Zest's operators do with {@code webhook-deliveries retry <delivery_id>}.
     *
     * @throws NoSuchElementException for an unknown id
     * @throws IllegalStateException  when the delivery is still pending
     */
    public Delivery replay(String deliveryId) {
        Delivery replayed;
        List<Attempt> attempts;
        synchronized (lock) {
            Delivery delivery = deliveries.get(deliveryId);
            if (delivery == null) {
                throw new NoSuchElementException("No webhook delivery " + deliveryId + ".");
            }
            if (delivery.status() == DeliveryStatus.PENDING) {
                throw new IllegalStateException("Webhook delivery " + deliveryId + " is still pending.");
            }
            replayed = delivery.replayed();
            deliveries.put(deliveryId, replayed);
            dispatch(deliveryId);
            version.incrementAndGet();
            attempts = takeAttempts();
        }
        LOG.info("Replaying webhook delivery {} of event {}", deliveryId, replayed.eventId());
        start(attempts);
        return replayed;
    }

    /** Every delivery, oldest first, for the state file. */
    public List<Delivery> snapshot() {
        synchronized (lock) {
            return List.copyOf(deliveries.values());
        }
    }

    /**
     * Replaces the outbox's deliveries with saved ones; pending ones resume where they stood (a retry
     * due later waits for the rest of its delay, one in progress when saved is attempted again).
     */
    public void restore(List<Delivery> saved) {
        List<Attempt> attempts;
        synchronized (lock) {
            forgetAll();
            Instant now = clock.instant();
            for (Delivery delivery : saved) {
                deliveries.put(delivery.id(), delivery);
                if (delivery.status() == DeliveryStatus.DELIVERED) {
                    deliveredOrder.add(delivery.id());
                } else if (delivery.status() == DeliveryStatus.PENDING) {
                    resume(delivery, now);
                }
            }
            trimDelivered();
            attempts = takeAttempts();
        }
        start(attempts);
    }

    /** Forgets every delivery (POST /sandbox/reset); attempts in progress complete unrecorded. */
    public void clear() {
        synchronized (lock) {
            forgetAll();
        }
    }

    /** Counts changes to the deliveries, so that a state file is written only when it changed. */
    public long version() {
        return version.get();
    }

    /** Stops delivering and releases the HTTP client; the deliveries stay readable for a last snapshot. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            cancelShuffleTimer();
        }
        sender.close();
    }

    // ---- scheduling; every method below runs under the lock unless it says otherwise ----

    /** Routes a due delivery: parked without a URL, held in shuffle mode, else queued. */
    private void dispatch(String deliveryId) {
        if (closed) {
            return;
        }
        if (!settings.hasUrl()) {
            parked.add(deliveryId);
        } else if (settings.shuffle()) {
            held.add(deliveryId);
            armShuffleTimer();
        } else {
            ready.add(deliveryId);
        }
    }

    private void armShuffleTimer() {
        if (shuffleTimer < 0) {
            long scheduledIn = generation;
            shuffleTimer = vertx.setTimer(SHUFFLE_WINDOW.toMillis(), id -> {
                List<Attempt> attempts;
                synchronized (lock) {
                    if (scheduledIn != generation) {
                        return;
                    }
                    shuffleTimer = -1;
                    releaseHeld();
                    attempts = takeAttempts();
                }
                start(attempts);
            });
        }
    }

    private void releaseHeld() {
        cancelShuffleTimer();
        Collections.shuffle(held, random);
        ready.addAll(held);
        held.clear();
    }

    private void cancelShuffleTimer() {
        if (shuffleTimer >= 0) {
            vertx.cancelTimer(shuffleTimer);
            shuffleTimer = -1;
        }
    }

    /** Takes queued deliveries while attempt slots are free. */
    private List<Attempt> takeAttempts() {
        if (closed || ready.isEmpty()) {
            return List.of();
        }
        if (!settings.hasUrl()) {
            parked.addAll(ready);
            ready.clear();
            return List.of();
        }
        List<Attempt> attempts = new ArrayList<>();
        while (inFlight < MAX_IN_FLIGHT && !ready.isEmpty()) {
            Delivery delivery = deliveries.get(ready.poll());
            if (delivery != null && delivery.status() == DeliveryStatus.PENDING) {
                inFlight++;
                attempts.add(new Attempt(delivery, settings.url(), new WebhookSigner(settings.secret()), generation));
            }
        }
        return attempts;
    }

    /** Outside the lock: signs each body at the moment of sending and posts it. */
    private void start(List<Attempt> attempts) {
        for (Attempt attempt : attempts) {
            byte[] body = attempt.delivery().body().getBytes(StandardCharsets.UTF_8);
            String signature = attempt.signer().signatureHeader(clock.instant().getEpochSecond(), body);
            sender.post(attempt.url(), signature, Buffer.buffer(body))
                    .onComplete(result -> completed(attempt, result.result()));
        }
    }

    /** Outside the lock: records the outcome of an attempt and starts what the freed slot allows. */
    private void completed(Attempt attempt, WebhookSender.AttemptResult result) {
        List<Attempt> attempts;
        synchronized (lock) {
            inFlight--;
            if (attempt.generation() == generation) {
                record(attempt.delivery().id(), result);
            }
            attempts = takeAttempts();
        }
        start(attempts);
    }

    private void record(String deliveryId, WebhookSender.AttemptResult result) {
        Delivery delivery = deliveries.get(deliveryId);
        if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        Delivery updated;
        if (result.succeeded()) {
            updated = delivery.succeeded(result.statusCode(), now);
            deliveredOrder.add(deliveryId);
        } else {
            Optional<Duration> delay = RetrySchedule.delayAfter(delivery.attempts() + 1, settings.timeScale());
            if (delay.isPresent()) {
                updated = delivery.failed(result.statusCode(), result.error(), now.plus(delay.get()));
                retryAfter(deliveryId, delay.get());
            } else {
                updated = delivery.dead(result.statusCode(), result.error());
                LOG.warn("Webhook delivery {} of event {} ({}) is dead after {} attempts; last: {}", deliveryId,
                        delivery.eventId(), delivery.eventType(), updated.attempts(), result.error());
            }
        }
        LOG.debug("Webhook delivery {} of event {} attempt {}: {}", deliveryId, delivery.eventId(),
                updated.attempts(), result.succeeded() ? "HTTP " + result.statusCode() : result.error());
        deliveries.put(deliveryId, updated);
        trimDelivered();
        version.incrementAndGet();
    }

    private void retryAfter(String deliveryId, Duration delay) {
        long scheduledIn = generation;
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            List<Attempt> attempts;
            synchronized (lock) {
                if (scheduledIn != generation) {
                    return;
                }
                dispatch(deliveryId);
                attempts = takeAttempts();
            }
            start(attempts);
        });
    }

    /** A restored pending delivery: due now, or after what remains of its retry delay. */
    private void resume(Delivery delivery, Instant now) {
        Instant due = delivery.nextAttemptAt();
        if (due != null && due.isAfter(now)) {
            retryAfter(delivery.id(), Duration.between(now, due));
        } else {
            dispatch(delivery.id());
        }
    }

    private void trimDelivered() {
        while (deliveredOrder.size() > DELIVERED_RETAINED) {
            String oldest = deliveredOrder.poll();
            Delivery delivery = deliveries.get(oldest);
            if (delivery != null && delivery.status() == DeliveryStatus.DELIVERED) {
                deliveries.remove(oldest);
            }
        }
    }

    private void forgetAll() {
        generation++;
        cancelShuffleTimer();
        deliveries.clear();
        ready.clear();
        parked.clear();
        held.clear();
        deliveredOrder.clear();
        version.incrementAndGet();
    }

    /** One attempt taken from the queue, with the endpoint and secret in force when it was taken. */
    private record Attempt(Delivery delivery, String url, WebhookSigner signer, long generation) {
    }
}
