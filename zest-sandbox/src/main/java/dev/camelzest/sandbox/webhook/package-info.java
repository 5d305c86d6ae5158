/**
 * The sandbox's webhook delivery: {@link dev.camelzest.sandbox.webhook.WebhookOutbox} records each published
 * event and delivers it signed ({@link dev.camelzest.sandbox.webhook.WebhookSigner}) on Zest's retry schedule;
 * {@link dev.camelzest.sandbox.webhook.WebhookAdminRoutes} exposes the deliveries and settings under
 * {@code /sandbox/}.
 *
 * <p>Where the Zest docs are silent, the sandbox decides as follows.
 * <ul>
 * <li>Headers: {@code Content-Type: application/json} and {@code Zest-Signature} only; no event-id or
 *     delivery-id header is documented, so none is sent. Redirects are not followed (a 3xx is a failure).</li>
 * <li>The signature's {@code t} is taken at each attempt, so a retry hours later still passes the receiver's
 *     300 s window; the body bytes never change.</li>
 * <li>The 10 s timeout covers connecting, sending and the whole response, and is real time: only the retry
 *     delays follow the time scale. The delay runs from the end of the failed attempt.</li>
 * <li>The {@code eventId} belongs to the event: retries, replays and duplicate-mode copies share it; each
 *     delivery has its own {@code dlv_} id.</li>
 * <li>Replay starts a new cycle of six attempts (attempts restart at 0) for a dead or a delivered delivery
 *     (an operator re-sending an event a partner says it lost); a pending one is refused (409).</li>
 * <li>A URL needs a {@code whsec_...} secret; without a URL deliveries wait, pending and unattempted, and go
 *     out as soon as one is configured. Changing the URL redirects the retries still to come.</li>
 * <li>Instants are kept at Zest's precision, milliseconds, so a delivery survives its JSON form unchanged.</li>
 * <li>Delivered deliveries beyond the latest {@value dev.camelzest.sandbox.webhook.WebhookOutbox#DELIVERED_RETAINED}
 *     are forgotten so that bulk runs cannot fill the heap; pending and dead ones are always kept.</li>
 * </ul>
 */
package dev.camelzest.sandbox.webhook;
