package dev.camelzest.app;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Runs an action once the Camel context has stopped, from Camel's own event: on a SIGTERM that is inside Camel's
 * shutdown hook, and the JVM ends as soon as the hook has seen the context stop, before the main thread would get to
 * Camel Main's {@code afterStop}.
 */
final class ContextStopped extends SimpleEventNotifierSupport {

    private final Consumer<CamelContext> action;

    private ContextStopped(Consumer<CamelContext> action) {
        this.action = action;
    }

    static void then(CamelContext camelContext, Consumer<CamelContext> action) {
        camelContext.getManagementStrategy().addEventNotifier(new ContextStopped(action));
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        action.accept(((CamelEvent.CamelContextStoppedEvent) event).getContext());
    }
}
