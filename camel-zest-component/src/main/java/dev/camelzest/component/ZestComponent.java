package dev.camelzest.component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.operation.ZestOperationHandlers;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.IOHelper;

/**
 * The zest: component. Its configuration holds the defaults every endpoint copies; endpoints with equal connection
 * settings share one {@link ZestClient} (connection pool and access token), closed when the last of them stops.
 */
@Component("zest")
public class ZestComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared defaults of every zest: endpoint.")
    private ZestConfiguration configuration = new ZestConfiguration();

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    private final ObjectMapper mapper = ZestJson.newObjectMapper();
    private final ZestOperationHandlers handlers = new ZestOperationHandlers();
    private final Map<ClientSettings, SharedClient> clients = new HashMap<>();

    public ZestComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZestConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operationOf(remaining));
        ZestEndpoint endpoint = new ZestEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    static ZestOperation operationOf(String name) {
        try {
            return ZestOperation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Zest operation '" + name + "'; one of "
                                               + Arrays.toString(ZestOperation.values()),
                    e);
        }
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

    /** The client for these settings, created on first use; pair every call with {@link #releaseClient}. */
    synchronized ZestClient acquireClient(ZestConfiguration endpointConfiguration) throws Exception {
        ClientSettings settings = ClientSettings.of(endpointConfiguration);
        SharedClient shared = clients.get(settings);
        if (shared == null) {
            ZestClient client = new ZestClientFactory(getCamelContext(), mapper)
                    .create(settings, useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null);
            shared = new SharedClient(client);
            clients.put(settings, shared);
        }
        shared.users++;
        return shared.client;
    }

    synchronized void releaseClient(ZestClient client) {
        clients.entrySet().removeIf(entry -> {
            SharedClient shared = entry.getValue();
            if (shared.client != client || --shared.users > 0) {
                return false;
            }
            IOHelper.close(shared.client);
            return true;
        });
    }

    @Override
    protected synchronized void doStop() throws Exception {
        clients.values().forEach(shared -> IOHelper.close(shared.client));
        clients.clear();
        super.doStop();
    }

    private static final class SharedClient {
        private final ZestClient client;
        private int users;

        private SharedClient(ZestClient client) {
            this.client = client;
        }
    }

    /** Exposed for tests of the sharing rule. */
    synchronized int clientCount() {
        return clients.size();
    }
}
