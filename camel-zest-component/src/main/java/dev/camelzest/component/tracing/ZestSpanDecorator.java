package dev.camelzest.component.tracing;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * What a Camel tracer (camel-opentelemetry2, camel-telemetry-dev) records on the span of a zest: call: the operation,
 * Zest's HTTP status and, on a failure, its error code and {@code errorId} (the id to quote to Zest). Never a token,
 * a key or a body. Found by camel-telemetry through {@code META-INF/services}; without it, never loaded.
 */
public class ZestSpanDecorator extends AbstractSpanDecorator {

    /** The longest attribute value recorded, as camel-telemetry clips its own. */
    static final int MAX_VALUE_LENGTH = 250;

    @Override
    public String getComponent() {
        return "zest";
    }

    @Override
    public String getComponentClassName() {
        return ZestComponent.class.getName();
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return "zest:" + operationOf(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        span.setTag("zest.operation", operationOf(exchange, endpoint));
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        tag(span, "http.response.status_code", exchange.getMessage().getHeader(ZestConstants.HTTP_STATUS, String.class));
        tag(span, "zest.error_code", exchange.getMessage().getHeader(ZestConstants.ERROR_CODE, String.class));
        tag(span, "zest.error_id", exchange.getMessage().getHeader(ZestConstants.ERROR_ID, String.class));
    }

    private static String operationOf(Exchange exchange, Endpoint endpoint) {
        Object header = exchange.getMessage().getHeader(ZestConstants.OPERATION);
        if (header != null) {
            return header.toString();
        }
        return endpoint instanceof ZestEndpoint zest && zest.getOperation() != null ? zest.getOperation().name() : "events";
    }

    /**
     * Sets the attribute when there is a value, at most {@value #MAX_VALUE_LENGTH} characters (Zest's ids and codes are
     * far shorter): clipped here, since camel-telemetry's own clipMaxLength is missing from Camel 4.14, where calling it
     * failed the span's end and lost the span.
     */
    static void tag(Span span, String name, String value) {
        if (value != null) {
            span.setTag(name, value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH));
        }
    }
}
