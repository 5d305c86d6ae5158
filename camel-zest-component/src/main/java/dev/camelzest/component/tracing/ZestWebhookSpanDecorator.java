package dev.camelzest.component.tracing;

import dev.camelzest.component.ZestConstants;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span of a webhook delivery ({@code from("webhook:zest:events")}): a Camel tracer picks its decorator by the
 * route's component, {@code webhook}, so this one is the webhook component's. It records what Camel's generic one
 * does and, on a Zest delivery, the event it carries, {@code zest.event_id} and {@code zest.event_type} (the Zest
 * consumer sets them before the route's span begins; other webhooks have none). Found by camel-telemetry through
 * {@code META-INF/services}.
 */
public class ZestWebhookSpanDecorator extends AbstractSpanDecorator {

    @Override
    public String getComponent() {
        return "webhook";
    }

    @Override
    public String getComponentClassName() {
        return "org.apache.camel.component.webhook.WebhookComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        ZestSpanDecorator.tag(span, "zest.event_id",
                exchange.getMessage().getHeader(ZestConstants.EVENT_ID, String.class));
        ZestSpanDecorator.tag(span, "zest.event_type",
                exchange.getMessage().getHeader(ZestConstants.EVENT_TYPE, String.class));
    }
}
