package dev.camelzest.sandbox.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where and how the sandbox delivers webhooks.
 *
 * @param url       the partner's endpoint (http or https); {@code null} = not configured, deliveries wait
 * @param secret    the {@code whsec_...} signing secret; required with a URL
 * @param timeScale multiplies the retry delays (0.001 turns 30 s into 30 ms); the 10 s timeout is not scaled
 * @param duplicate deliver every event twice, with the same eventId (at-least-once tests)
 * @param shuffle   hold deliveries for a short window and send them in random order (ordering tests)
 */
public record WebhookSettings(String url, String secret, double timeScale, boolean duplicate, boolean shuffle) {

    /** Zest issues signing secrets as {@code whsec_<hex>}; the whole string, prefix included, is the HMAC key. */
    public static final String SECRET_PREFIX = "whsec_";

    public WebhookSettings {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
        if (url != null) {
            requireHttpUrl(url);
        }
        if (secret != null && (!secret.startsWith(SECRET_PREFIX) || secret.length() == SECRET_PREFIX.length())) {
            throw new IllegalArgumentException("the webhook secret must be a " + SECRET_PREFIX + "... string");
        }
        if (url != null && secret == null) {
            throw new IllegalArgumentException("a webhook URL needs a signing secret");
        }
    }

    /** No URL, no secret, real-time retry delays, no fault injection. */
    public static WebhookSettings unconfigured() {
        return new WebhookSettings(null, null, 1.0, false, false);
    }

    /** Whether deliveries can be sent: without a URL they stay pending. */
    public boolean hasUrl() {
        return url != null;
    }

    public WebhookSettings withEndpoint(String newUrl, String newSecret) {
        return new WebhookSettings(newUrl, newSecret, timeScale, duplicate, shuffle);
    }

    public WebhookSettings withTimeScale(double newTimeScale) {
        return new WebhookSettings(url, secret, newTimeScale, duplicate, shuffle);
    }

    public WebhookSettings withDuplicate(boolean newDuplicate) {
        return new WebhookSettings(url, secret, timeScale, newDuplicate, shuffle);
    }

    public WebhookSettings withShuffle(boolean newShuffle) {
        return new WebhookSettings(url, secret, timeScale, duplicate, newShuffle);
    }

    /** Never shows the secret, so that the settings can be logged. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=" + (secret == null ? "none" : "****")
                + ", timeScale=" + timeScale + ", duplicate=" + duplicate + ", shuffle=" + shuffle + "]";
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("the webhook URL must be an absolute http or https URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL is not a valid URL: " + url, e);
        }
    }
}
