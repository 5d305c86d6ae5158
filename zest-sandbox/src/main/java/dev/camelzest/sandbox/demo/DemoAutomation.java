package dev.camelzest.sandbox.demo;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelzest.sandbox.PublishedEvents;
import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.spv.SpvRequestApproval;
import dev.camelzest.sandbox.subscriptions.SubscriptionCompletion;

import io.vertx.core.Vertx;

/**
 * Plays Zest's back office for demos, so a journey runs without anyone calling the admin API: approves
 * each new SPV request, and completes each funded subscription, after a delay. A request cancelled or
 * decided in the meantime is left alone.
 */
public final class DemoAutomation {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAutomation.class);

    private final Vertx vertx;
    private final Duration approveAfter;
    private final Duration completeAfter;
    private final SpvRequestApproval approval;
    private final SubscriptionCompletion completion;

    /** A null delay switches that step off. */
    public DemoAutomation(Vertx vertx, SandboxContext context, Duration approveAfter, Duration completeAfter) {
        this.vertx = vertx;
        this.approveAfter = approveAfter;
        this.completeAfter = completeAfter;
        this.approval = new SpvRequestApproval(context);
        this.completion = new SubscriptionCompletion(context);
    }

    /** Acts on the events the API publishes. */
    public void onPublished(PublishedEvents.Event event) {
        Map<String, Object> data = event.data();
        if (approveAfter != null && event.eventType().equals("spv_request.created")) {
            later(approveAfter, () -> approval.approve((String) data.get("spvRequestSlug")));
        } else if (completeAfter != null && event.eventType().equals("funding_receipt.uploaded")) {
            later(completeAfter, () -> completion.complete((String) data.get("spvSlug"), (String) data.get("personId")));
        }
    }

    private void later(Duration delay, Runnable step) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            try {
                step.run();
            } catch (ApiException e) {
                LOG.debug("Demo step skipped: {}", e.getMessage());
            }
        });
    }
}
