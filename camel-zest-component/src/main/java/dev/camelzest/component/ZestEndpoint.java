package dev.camelzest.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.webhook.EventIdStores;
import dev.camelzest.component.webhook.ZestWebhookHandler;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Zest Partner API (Zest Equity's SPV-as-a-Service platform): SPV requests, investors, subscriptions,
 * document uploads, tokens, the contracts registry and the system endpoints. Authentication (JWT-bearer with an
 * Ed25519 key), Idempotency-Keys and error mapping are handled by the component. Receives Zest's signed webhooks
 * through the webhook component, {@code from("webhook:zest:events?webhookSecret=...")}: verified, de-duplicated and
 * typed.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "zest", title = "Zest", syntax = "zest:operation",
             category = { Category.SAAS }, headersClass = ZestConstants.class)
public class ZestEndpoint extends DefaultEndpoint implements EndpointServiceLocation, WebhookCapableEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ZestEndpoint.class);

    @UriParam
    private ZestConfiguration configuration;

    private ZestClient client;
    private WebhookConfiguration webhookConfiguration;
    /** The default file store this endpoint created, and so closes. */
    private IdempotentRepository ownedRepository;

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
        getComponent().getHandlers().forOperation(configuration.getOperation());
        return new ZestProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("Zest's webhooks are received through the webhook component:"
                                                + " from(\"webhook:zest:events?webhookSecret=...\")");
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        if (configuration.getOperation() != ZestOperation.events) {
            throw new IllegalArgumentException("Webhooks are received at webhook:zest:events, not zest:"
                                               + configuration.getOperation());
        }
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository == null) {
            if (ownedRepository == null) {
                ownedRepository = EventIdStores.fileStore(Path.of(configuration.getWebhookDataDirectory()));
            }
            repository = ownedRepository;
        }
        ServiceHelper.startService(repository);
        return ZestWebhookHandler.create(configuration, repository, getComponent().getObjectMapper(), next);
    }

    /** Zest has no registration API: the URL to give Zest at onboarding is logged instead. */
    @Override
    public void registerWebhook() {
        try {
            LOG.info("Receiving Zest webhooks at {}; give Zest this URL", webhookConfiguration.computeFullExternalUrl());
        } catch (Exception e) {
            LOG.info("Receiving Zest webhooks at path {} (the external URL is unknown: set webhookExternalUrl)",
                    webhookConfiguration.computeFullPath(true));
        }
    }

    @Override
    public void unregisterWebhook() {
        // nothing registered with Zest
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getOperation() != ZestOperation.events) {
            client = getComponent().acquireClient(configuration);
        }
        // reloads the ids from the file after a restart of the context
        ServiceHelper.startService(ownedRepository);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().releaseClient(client);
            client = null;
        }
        ServiceHelper.stopService(ownedRepository);
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
