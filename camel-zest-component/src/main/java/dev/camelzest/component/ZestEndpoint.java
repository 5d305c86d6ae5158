package dev.camelzest.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.webhook.EventIdStores;
import dev.camelzest.component.webhook.WebhookAddress;
import dev.camelzest.component.webhook.WebhookRefusals;
import dev.camelzest.component.webhook.ZestWebhookHandler;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Zest Partner API (Zest Equity's SPV-as-a-Service platform): SPV requests, investors, subscriptions,
 * document uploads, tokens, the contracts registry and the system endpoints. Authentication (JWT-bearer with an
 * Ed25519 key), Idempotency-Keys and error mapping are handled by the component. Zest's signed webhooks are received
 * through the Webhook component at webhook:zest:events, verified, de-duplicated and typed.
 */
// The catalog is generated from the text above: plain text only, no Javadoc tags.
// Producer only: zest: endpoints cannot be consumed from; the webhook consumer is the Webhook component's, which
// reads this endpoint's consumer-labelled options. Camel's own consumer options never apply and are not listed.
@UriEndpoint(firstVersion = "0.1.0", scheme = "zest", title = "Zest", syntax = "zest:operation",
             category = { Category.SAAS }, headersClass = ZestConstants.class, producerOnly = true)
public class ZestEndpoint extends DefaultEndpoint implements EndpointServiceLocation, WebhookCapableEndpoint {

    /** The path of the webhook consumer, {@code webhook:zest:events}: not an operation of Zest's API. */
    public static final String WEBHOOK_PATH = "events";

    private static final Logger LOG = LoggerFactory.getLogger(ZestEndpoint.class);

    @UriPath(name = "operation",
             enums = "createSpvRequest,getSpvRequest,listSpvRequests,cancelSpvRequest,bulkCreateInvestors,"
                     + "createSubscriptions,uploadSubscriptionForm,uploadFundingReceipt,exchangeToken,tokenInfo,"
                     + "listContractVersions,listTemplates,getTemplate,listCatalogs,getCatalog,listPrimitives,"
                     + "getPrimitive,listSamples,getSample,root,healthCheck,openApiSpec,apiDocs,events",
             description = "The Zest operation to call, or events for the webhook consumer (received as"
                           + " webhook:zest:events with a webhookSecret).")
    @Metadata(required = true)
    private final String path;
    /** The operation of a producer endpoint; null on the webhook endpoint. */
    private final ZestOperation operation;

    @UriParam
    private ZestConfiguration configuration;

    private ZestClient client;
    /** Whether this endpoint created its client, and so closes it. */
    private boolean ownsClient;

    private WebhookConfiguration webhookConfiguration;
    private final WebhookRefusals webhookRefusals = new WebhookRefusals();
    /** The default file store this endpoint created, and so closes. */
    private IdempotentRepository ownedRepository;

    public ZestEndpoint(String uri, ZestComponent component, String path, ZestConfiguration configuration) {
        super(uri, component);
        this.path = path;
        this.operation = WEBHOOK_PATH.equals(path) ? null : ZestOperation.of(path);
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

    /** The operation this endpoint calls; null on the webhook endpoint. */
    public ZestOperation getOperation() {
        return operation;
    }

    /** True for {@code zest:events}, the webhook consumer. */
    public boolean isWebhook() {
        return operation == null;
    }

    /** Fails on settings that cannot work, before any route starts. */
    void validate() {
        configuration.validate();
        if (isWebhook()) {
            configuration.validateWebhook();
        }
    }

    /** The client of this endpoint while it is started (none on the webhook endpoint). */
    public ZestClient getClient() {
        return client;
    }

    /**
     * Uses this client instead of creating one when the endpoint starts; the endpoint then leaves closing it to the
     * caller.
     */
    public void setClient(ZestClient client) {
        this.client = client;
        this.ownsClient = false;
    }

    /** The webhook requests this endpoint refused, counted per reason. */
    public WebhookRefusals getWebhookRefusals() {
        return webhookRefusals;
    }

    @Override
    public Producer createProducer() {
        if (isWebhook()) {
            throw new IllegalArgumentException("zest:" + WEBHOOK_PATH + " cannot be called; it receives Zest's webhooks"
                                               + " as from(\"webhook:zest:events?...\")");
        }
        return new ZestProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("Zest's webhooks are received through the webhook component:"
                                                + " from(\"webhook:zest:events?webhookSecret=...\")");
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        if (!isWebhook()) {
            throw new IllegalArgumentException("Webhooks are received at webhook:zest:events, not zest:" + path);
        }
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository == null) {
            if (ownedRepository == null) {
                ownedRepository = EventIdStores.fileStore(Path.of(configuration.getWebhookDataDirectory()));
            }
            repository = ownedRepository;
        }
        CamelContextAware.trySetCamelContext(repository, getCamelContext());
        ServiceHelper.startService(repository);
        return ZestWebhookHandler.create(configuration, repository, getComponent().getObjectMapper(), webhookRefusals,
                next);
    }

    /** Zest has no registration API: where the webhooks are received is logged, to give Zest at onboarding. */
    @Override
    public void registerWebhook() {
        LOG.info("{}", WebhookAddress.describe(getCamelContext(), webhookConfiguration));
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
        if (!isWebhook() && client == null) {
            client = getComponent().createClient(configuration);
            ownsClient = true;
        }
        // reloads the ids from the file after a restart of the context
        ServiceHelper.startService(ownedRepository);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient) {
            IOHelper.close(client);
            client = null;
            ownsClient = false;
        }
        webhookRefusals.flush();
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
