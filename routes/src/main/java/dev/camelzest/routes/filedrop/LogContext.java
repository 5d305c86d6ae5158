package dev.camelzest.routes.filedrop;

import java.util.Map;

import org.slf4j.MDC;

/**
 * Hands the log context (MDC: the file, its batch and rows, as camel-mdc set them for the exchange) over to the
 * import's own threads, the reading and the recording thread, so that their log lines name what they work on too.
 */
final class LogContext {

    private LogContext() {
    }

    /** {@code task} to run on another thread with the log context of the calling thread, which is restored after. */
    static Runnable carrying(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context == null || context.isEmpty()) {
            return task;
        }
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    }
}
