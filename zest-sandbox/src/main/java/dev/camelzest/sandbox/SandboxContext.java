package dev.camelzest.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelzest.sandbox.contracts.ContractRegistry;

import dev.camelzest.sandbox.http.Faults;
import dev.camelzest.sandbox.http.Idempotency;
import dev.camelzest.sandbox.http.RequestLog;
import dev.camelzest.sandbox.state.SandboxState;
import dev.camelzest.sandbox.webhook.EventPublisher;

/**
 * What handlers are built with: the state, the settings, where events go, the clock and the shared
 * services. One per running sandbox.
 */
public final class SandboxContext {

    private final SandboxState state;
    private final SandboxSettings settings;
    private final EventPublisher events;
    private final Clock clock;
    private final String configuredAudience;
    private volatile String baseUrl;
    private final Idempotency idempotency;
    private final Faults faults;
    private final RequestLog requestLog;
    private final ContractRegistry contracts;
    private final List<Runnable> resetActions = new CopyOnWriteArrayList<>();

    SandboxContext(SandboxState state, SandboxSettings settings, EventPublisher events, Clock clock,
                   String configuredAudience, Faults faults, RequestLog requestLog, ContractRegistry contracts) {
        this.state = state;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.configuredAudience = configuredAudience;
        this.idempotency = new Idempotency(state.idempotency(), clock);
        this.faults = faults;
        this.requestLog = requestLog;
        this.contracts = contracts;
    }

    public SandboxState state() {
        return state;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Where operations announce lifecycle events, after their effect is committed. */
    public EventPublisher events() {
        return events;
    }

    public Clock clock() {
        return clock;
    }

    /** The current time at Zest's precision (milliseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The exact {@code aud} that token assertions must carry: the configured one, else the base URL. */
    public String audience() {
        return configuredAudience != null ? configuredAudience : baseUrl;
    }

    /** Once the port is bound: the operations are mounted before the sandbox listens, so it never answers 404. */
    void boundTo(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code http://127.0.0.1:<port>}: where links the sandbox hands out (document URLs) point. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Wraps the JSON write handlers: {@code idempotency().required(handler)} or {@code optional(handler)}. */
    public Idempotency idempotency() {
        return idempotency;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** The built-in contract registry (templates validate SPV requests' attributes). */
    public ContractRegistry contracts() {
        return contracts;
    }

    /** Registers what else a reset clears (e.g. the webhook outbox). */
    public void onReset(Runnable action) {
        resetActions.add(action);
    }

    /** Clears all data, tokens, faults and the request log; keeps the registered partners. */
    public void reset() {
        state.reset();
        faults.clear();
        requestLog.clear();
        resetActions.forEach(Runnable::run);
    }
}
