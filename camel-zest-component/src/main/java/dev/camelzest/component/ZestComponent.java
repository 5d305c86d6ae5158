package dev.camelzest.component;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.metrics.ZestMetrics;
import dev.camelzest.component.operation.ZestOperationHandlers;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.IOHelper;

/**
 * The zest: component. Its configuration holds the defaults every endpoint copies. Each endpoint creates and closes
 * its own client; the access tokens are kept here, one per connection settings and credentials, so that every
 * endpoint of the same partner uses the same token.
 */
@Component("zest")
public class ZestComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared defaults of every zest: endpoint.")
    private ZestConfiguration configuration = new ZestConfiguration();

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    private final ObjectMapper mapper = ZestJson.objectMapper();
    private final ZestOperationHandlers handlers = new ZestOperationHandlers();
    private ZestClientFactory clientFactory;
    private ZestMetrics metrics;
    private Clock clock = Clock.systemUTC();

    public ZestComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZestEndpoint endpoint = new ZestEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public ZestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZestConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    ObjectMapper getObjectMapper() {
        return mapper;
    }

    ZestOperationHandlers getHandlers() {
        return handlers;
    }

    /** A new client for an endpoint's configuration; the endpoint closes it. */
    synchronized ZestClient createClient(ZestConfiguration endpointConfiguration) throws Exception {
        if (clientFactory == null) {
            clientFactory = new ZestClientFactory(getCamelContext(), mapper, clock, getMetrics());
        }
        return clientFactory.create(ClientSettings.of(endpointConfiguration,
                useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null));
    }

    /**
     * Where the component's calls and webhooks are measured: the runtime's meter registry once one is bound (looked
     * for again at each endpoint start until then), else nothing.
     */
    synchronized ZestMetrics getMetrics() {
        if (metrics == null || metrics == ZestMetrics.NONE) {
            metrics = ZestMetrics.of(getCamelContext());
        }
        return metrics;
    }

    /** The clock token lifetimes are measured on; tests move it to check when a token is refreshed. */
    synchronized void useClock(Clock clock) {
        this.clock = clock;
    }

    /** How many token caches the component keeps; for tests of the sharing rule. */
    synchronized int tokenCacheCount() {
        return clientFactory == null ? 0 : clientFactory.tokenCacheCount();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        IOHelper.close(clientFactory);
        clientFactory = null;
        super.doStop();
    }
}
