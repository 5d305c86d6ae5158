package dev.camelzest.examples;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** What a route logged (its log steps log under the route's id) while it is open. */
final class ExampleLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ExampleLog(String routeId) {
        logger = (Logger) LoggerFactory.getLogger(routeId);
        appender.start();
        logger.addAppender(appender);
    }

    static ExampleLog of(String routeId) {
        return new ExampleLog(routeId);
    }

    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
