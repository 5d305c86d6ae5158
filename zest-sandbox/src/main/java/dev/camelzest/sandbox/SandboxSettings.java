package dev.camelzest.sandbox;

import java.time.Duration;

/** The settings an admin may change while the sandbox runs (PUT /sandbox/settings). */
public final class SandboxSettings {

    private volatile Duration tokenTtl;
    private volatile int maxInvestorsPerCall;
    private volatile int maxConcurrentCalls;

    public SandboxSettings(Duration tokenTtl, int maxInvestorsPerCall) {
        this.tokenTtl = tokenTtl;
        this.maxInvestorsPerCall = maxInvestorsPerCall;
    }

    /** Lifetime of newly issued access tokens. */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    public void tokenTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
        this.tokenTtl = ttl;
    }

    /** Rows accepted by one POST /v1/investors; more is 400 invalid_request. */
    public int maxInvestorsPerCall() {
        return maxInvestorsPerCall;
    }

    /**
     * Partner calls served at once (0: no limit); one more is answered 429 {@code rate_limited} with
     * {@code Retry-After: 1}, as a rate-limited Zest would, so that clients' back-off can be tested.
     */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void maxConcurrentCalls(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxConcurrentCalls cannot be negative");
        }
        this.maxConcurrentCalls = max;
    }

    public void maxInvestorsPerCall(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInvestorsPerCall must be at least 1");
        }
        this.maxInvestorsPerCall = max;
    }
}
