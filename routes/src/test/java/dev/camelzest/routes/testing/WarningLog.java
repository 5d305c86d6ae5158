package dev.camelzest.routes.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The WARN and ERROR lines logged while it is open, from every logger: a clean run has none. A line carries the
 * messages of its exception and their causes too: a reason is often only there.
 */
public final class WarningLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private WarningLog() {
        appender.start();
        root.addAppender(appender);
    }

    public static WarningLog open() {
        return new WarningLog();
    }

    /** Each WARN or ERROR line so far: level, logger and message. */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(event -> event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                            + causes(event.getThrowableProxy()))
                    .toList();
        }
    }

    private static String causes(IThrowableProxy throwable) {
        StringBuilder causes = new StringBuilder();
        for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
            causes.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return causes.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
