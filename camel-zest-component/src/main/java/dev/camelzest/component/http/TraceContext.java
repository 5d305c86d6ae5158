package dev.camelzest.component.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Message;

/**
 * The W3C trace context (<a href="https://www.w3.org/TR/trace-context/">traceparent, tracestate</a>) a Camel tracer
 * (camel-opentelemetry2, camel-telemetry-dev) put on the message for the zest: endpoint's span, passed on to Zest so
 * that Zest's side of the call joins the same trace. Only well-formed values are passed on: the message may carry
 * headers from outside (an HTTP request the route received), and nothing else of theirs reaches Zest.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    /** At most 32 list members of key=value (W3C), printable ASCII without spaces around them. */
    private static final Pattern TRACESTATE_FORMAT = Pattern.compile("[\\x21-\\x7e]+(?: ?, ?[\\x21-\\x7e]+){0,31}");
    private static final int MAX_TRACESTATE_LENGTH = 512;

    private TraceContext() {
    }

    /** The trace headers of the message to send along, none when it has no valid traceparent. */
    public static Map<String, String> of(Message message) {
        String traceparent = message.getHeader(TRACEPARENT, String.class);
        if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TRACEPARENT, traceparent);
        String tracestate = message.getHeader(TRACESTATE, String.class);
        if (tracestate != null && tracestate.length() <= MAX_TRACESTATE_LENGTH
                && TRACESTATE_FORMAT.matcher(tracestate).matches()) {
            headers.put(TRACESTATE, tracestate);
        }
        return headers;
    }
}
