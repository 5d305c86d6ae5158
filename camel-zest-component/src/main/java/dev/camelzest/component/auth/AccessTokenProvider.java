package dev.camelzest.component.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.metrics.ZestMetrics;
import dev.camelzest.component.model.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one Zest configuration: obtained on first use, reused until shortly before it expires, then
 * refreshed by exactly one caller while the others keep using the still-valid token (or wait for the new one when
 * there is none). A token Zest rejected is dropped with {@link #invalidate(String)}.
 * <p>
 * Refresh starts a tenth of the lifetime before expiry, at most 60 seconds before it, so that long-lived tokens are
 * renewed a minute early and short-lived (test) tokens are still used most of their life.
 */
public final class AccessTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenProvider.class);
    private static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(60);

    private final TokenSource source;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicReference<CachedToken> current = new AtomicReference<>();
    private final ZestMetrics metrics;
    /** Whether the last token was dropped because Zest rejected it: the next exchange is a reauthentication. */
    private volatile boolean rejected;

    public AccessTokenProvider(TokenSource source, Clock clock) {
        this(source, clock, ZestMetrics.NONE);
    }

    public AccessTokenProvider(TokenSource source, Clock clock, ZestMetrics metrics) {
        this.source = source;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A valid access token; never log it. */
    public String accessToken() throws ZestApiException {
        CachedToken token = current.get();
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.refreshAt())) {
            return token.value();
        }
        if (token != null && now.isBefore(token.expiresAt())) {
            return refreshAheadOfExpiry(token);
        }
        refreshLock.lock();
        try {
            CachedToken latest = current.get();
            if (latest != null && clock.instant().isBefore(latest.refreshAt())) {
                return latest.value();
            }
            return refresh().value();
        } finally {
            refreshLock.unlock();
        }
    }

    private String refreshAheadOfExpiry(CachedToken stillValid) throws ZestApiException {
        if (!refreshLock.tryLock()) {
            return stillValid.value();
        }
        try {
            CachedToken latest = current.get();
            if (latest != null && latest != stillValid) {
                return latest.value();
            }
            return refresh().value();
        } catch (ZestApiException e) {
            if (e.isRetryable()) {
                LOG.warn("Refreshing the Zest access token ahead of expiry failed ({}); the current token is used until it expires",
                        e.getMessage());
                return stillValid.value();
            }
            throw e;
        } finally {
            refreshLock.unlock();
        }
    }

    private CachedToken refresh() throws ZestApiException {
        Instant requestedAt = clock.instant();
        String reason = current.get() != null ? "refresh" : rejected ? "reauthentication" : "first";
        TokenResponse response;
        try {
            response = source.exchange();
        } catch (ZestApiException | RuntimeException e) {
            metrics.tokenExchange(reason, false);
            throw e;
        }
        metrics.tokenExchange(reason, true);
        rejected = false;
        Duration lifetime = Duration.ofSeconds(response.expiresInOrDefault());
        Duration ahead = lifetime.dividedBy(10).compareTo(MAX_REFRESH_AHEAD) < 0 ? lifetime.dividedBy(10) : MAX_REFRESH_AHEAD;
        Instant expiresAt = requestedAt.plus(lifetime);
        CachedToken token = new CachedToken(response.accessToken(), expiresAt.minus(ahead), expiresAt);
        current.set(token);
        LOG.debug("Obtained a Zest access token valid for {}", lifetime);
        return token;
    }

    /** Forgets the token if it is still the current one (another caller may already have replaced it). */
    public void invalidate(String rejectedToken) {
        CachedToken token = current.get();
        if (token != null && token.value().equals(rejectedToken) && current.compareAndSet(token, null)) {
            rejected = true;
        }
    }

    private record CachedToken(String value, Instant refreshAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "CachedToken[value=***, refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + "]";
        }
    }
}
