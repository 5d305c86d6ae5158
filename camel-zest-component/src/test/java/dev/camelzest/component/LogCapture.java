package dev.camelzest.component;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The events logged under a logger name (its children included) while open. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /** The formatted messages logged at this level or above. */
    public List<String> messages(Level atLeast) {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(atLeast))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** Every event so far, with its MDC fields. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
