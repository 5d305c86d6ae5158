package dev.camelzest.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The camel-zest route templates as opt-in features: {@code zest.<feature>.enabled=true} instantiates the feature's
 * template with {@code zest.<feature>.parameters.*} as its template parameters (the names of routes/README.md;
 * kebab-case works too). Every feature is off by default.
 */
@ConfigurationProperties(prefix = "zest")
public class ZestRoutesProperties {

    /** Investor files (CSV, JSON Lines) into bulkCreateInvestors; template file or sftp. */
    @NestedConfigurationProperty
    private final Feature investors = new Feature();

    /** Subscription files into createSubscriptions; template file or sftp. */
    @NestedConfigurationProperty
    private final Feature subscriptions = new Feature();

    /** Signed forms and funding receipts uploaded in order; template file or sftp. */
    @NestedConfigurationProperty
    private final Feature documents = new Feature();

    /** SPV request files submitted to Zest; template file, or reconcile to refresh pending requests. */
    @NestedConfigurationProperty
    private final Feature spvRequests = new Feature();

    /** Zest's webhook events into the ledger and the partner's systems; template events, or replay. */
    @NestedConfigurationProperty
    private final Feature events = new Feature();

    public Feature getInvestors() {
        return investors;
    }

    public Feature getSubscriptions() {
        return subscriptions;
    }

    public Feature getDocuments() {
        return documents;
    }

    public Feature getSpvRequests() {
        return spvRequests;
    }

    public Feature getEvents() {
        return events;
    }

    public static class Feature {

        /** Whether the feature's route is created. */
        private boolean enabled;

        /** Which of the feature's templates to instantiate; the first one listed for the feature when not set. */
        private String template;

        /** The route id; the template id when not set. */
        private String routeId;

        /** The template parameters, e.g. directory, batchSize, zestUri. */
        private Map<String, String> parameters = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTemplate() {
            return template;
        }

        public void setTemplate(String template) {
            this.template = template;
        }

        public String getRouteId() {
            return routeId;
        }

        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        public Map<String, String> getParameters() {
            return parameters;
        }

        public void setParameters(Map<String, String> parameters) {
            this.parameters = parameters;
        }
    }
}
