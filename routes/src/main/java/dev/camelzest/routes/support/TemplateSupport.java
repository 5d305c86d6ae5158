package dev.camelzest.routes.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.FileUtil;
import org.apache.camel.util.TimeUtils;

/** What the route templates share: parameter reading, the ledger bean, and the retry policy. */
public final class TemplateSupport {

    private TemplateSupport() {
    }

    public static String text(RouteTemplateContext rtc, String parameter) {
        Object value = rtc.getProperty(parameter);
        if (value == null) {
            return null;
        }
        // parameters given as placeholders (application properties: targets = {{events.targets}}) are
        // resolved here, as the route's own {{...}} are when the route is built
        String text = value.toString();
        if (!text.contains("{{")) {
            return text;
        }
        String resolved = rtc.getCamelContext().resolvePropertyPlaceholders(text);
        return resolved == null ? "" : resolved;
    }

    /**
     * The one instance of a route's helper, shared by the route's steps (each a template bean, a method reference
     * to it): made on the first step's lookup, then kept in the route's own beans.
     */
    public static <T> T routeBean(RouteTemplateContext rtc, String name, Class<T> type, Supplier<? extends T> create) {
        synchronized (rtc) {
            T existing = rtc.getLocalBeanRepository().lookupByNameAndType(name, type);
            if (existing == null) {
                existing = create.get();
                rtc.bind(name, type, existing);
            }
            return existing;
        }
    }

    /** A route step that is a template bean, by its name: {@code .process(ref(name))}. */
    public static String ref(String templateBean) {
        return "{{" + templateBean + "}}";
    }

    /** The name, without any directory, of the file an exchange was consumed from. */
    public static String fileName(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        return FileUtil.stripPath(name == null ? exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class)
                : name);
    }

    public static Duration duration(String text) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(text));
    }

    /**
     * The ledger of a template: the bean named by its {@code ledger} parameter, or an embedded one in its
     * {@code dataDirectory}, created once per Camel context and closed with it.
     */
    public static Ledger ledger(RouteTemplateContext rtc) {
        return ledger(rtc.getCamelContext(), text(rtc, "ledger"), Path.of(text(rtc, "dataDirectory")));
    }

    public static Ledger ledger(CamelContext camelContext, String name, Path dataDirectory) {
        synchronized (camelContext) {
            Ledger ledger = camelContext.getRegistry().lookupByNameAndType(name, Ledger.class);
            if (ledger == null) {
                Ledger embedded = Ledger.open(LedgerSettings.embedded(dataDirectory));
                camelContext.getRegistry().bind(name, Ledger.class, embedded);
                try {
                    camelContext.addService(new ServiceSupport() {
                        @Override
                        protected void doStop() {
                            embedded.close();
                        }
                    });
                } catch (Exception e) {
                    embedded.close();
                    throw RuntimeCamelException.wrapRuntimeException(e);
                }
                ledger = embedded;
            }
            return ledger;
        }
    }

    /** The parameters {@code dataDirectory} and {@code ledger}, read by {@link #ledger(RouteTemplateContext)}. */
    public static RouteTemplateDefinition ledgerParameters(RouteTemplateDefinition template) {
        return template
                .templateParameter("dataDirectory", "data", "Local data directory: the embedded ledger")
                .templateParameter("ledger", "zestLedger",
                        "Name of the Ledger bean; an embedded one in the data directory is created when absent");
    }

    /**
     * The parameter {@code singletonPrefix} of a route that must run on one node at a time (a timer or a poller of
     * shared state): what its source URI starts with. Empty, it runs on every node; {@code master:<namespace>:}
     * (camel-master, with a {@code CamelClusterService} in the context) runs its consumer on that namespace's
     * leader only, and on another node when the leader goes.
     */
    public static RouteTemplateDefinition singletonParameter(RouteTemplateDefinition template) {
        return template.templateParameter("singletonPrefix", "",
                "Empty, or master:<namespace>: to run this route on the cluster's leader only (camel-master)");
    }

    /** The parameters of {@link #retried(OnExceptionDefinition)}, with their defaults. */
    public static RouteTemplateDefinition retryParameters(RouteTemplateDefinition template, String maximumRedeliveries,
            String redeliveryDelay, String maximumRedeliveryDelay) {
        return template
                .templateParameter("maximumRedeliveries", maximumRedeliveries, "Retries of a transient failure")
                .templateParameter("redeliveryDelay", redeliveryDelay,
                        "First retry delay in milliseconds, doubled each time")
                .templateParameter("maximumRedeliveryDelay", maximumRedeliveryDelay,
                        "Longest retry delay in milliseconds");
    }

    /**
     * Redelivers the failed step itself, so a retried call is the same exchange with the same Idempotency-Key;
     * exponential backoff, from the template parameters {@code maximumRedeliveries}, {@code redeliveryDelay} and
     * {@code maximumRedeliveryDelay}.
     */
    public static OnExceptionDefinition retried(OnExceptionDefinition onException) {
        return onException
                .maximumRedeliveries("{{maximumRedeliveries}}")
                .redeliveryDelay("{{redeliveryDelay}}")
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay("{{maximumRedeliveryDelay}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN);
    }
}
