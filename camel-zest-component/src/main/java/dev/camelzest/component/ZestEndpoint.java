package dev.camelzest.component;

import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls the Zest Partner API (Zest Equity's SPV-as-a-Service platform): SPV requests, investors, subscriptions,
 * document uploads, tokens, the contracts registry and the system endpoints. Authentication (JWT-bearer with an
 * Ed25519 key), Idempotency-Keys and error mapping are handled by the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "zest", title = "Zest", syntax = "zest:operation", producerOnly = true,
             category = { Category.SAAS }, headersClass = ZestConstants.class)
public class ZestEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private ZestConfiguration configuration;

    private ZestClient client;

    public ZestEndpoint(String uri, ZestComponent component, ZestConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ZestComponent getComponent() {
        return (ZestComponent) super.getComponent();
    }

    public ZestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZestConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The client shared with every endpoint of the same connection settings; available while started. */
    public ZestClient getClient() {
        return client;
    }

    @Override
    public Producer createProducer() {
        return new ZestProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The zest: component has no consumer; Zest's webhooks are received"
                                                + " through the webhook component");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getComponent().acquireClient(configuration);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().releaseClient(client);
            client = null;
        }
        super.doStop();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getClientId() == null ? null : Map.of("clientId", configuration.getClientId());
    }
}
