package dev.camelzest.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Generated from the zest component's catalog by ComponentConfigurationSource (starter tests); do not edit.
 * Regenerate: run the starter's GeneratedConfigurationTest with -Dzest.regenerate=true.
 */
@ConfigurationProperties(prefix = "camel.component.zest")
public class ZestComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the zest component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * listSpvRequests pages through every page and replies with one list of all SPV requests.
     */
    private Boolean allPages = false;

    /**
     * The base URL of the Zest environment, without /v1: https://api.zestequity.com (production),
     * https://sandbox.api.zestequity.com (sandbox) or a local sandbox.
     */
    private String baseUrl = "https://api.zestequity.com";

    /**
     * The shared defaults of every zest: endpoint.
     * The option is a dev.camelzest.component.ZestConfiguration type; give a bean reference (#bean:name).
     */
    private dev.camelzest.component.ZestConfiguration configuration;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time and prolong the total processing
     * time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The most investors sent in one bulkCreateInvestors call; a longer list is sent in several calls and the
     * results are joined in input order.
     */
    private Integer maxBatchSize = 1000;

    /**
     * The template, catalog, primitive or sample name of the contracts get operations.
     */
    private String name;

    /**
     * The page of listSpvRequests (from 1).
     */
    private Integer page;

    /**
     * The page size of listSpvRequests (1 to 100).
     */
    private Integer perPage;

    /**
     * The Zest person id (zestPersonId) of the uploads.
     */
    private String personId;

    /**
     * Reply with Zest's JSON text as received instead of the typed record.
     */
    private Boolean rawJson = false;

    /**
     * The SPV request slug of getSpvRequest and cancelSpvRequest.
     */
    private String slug;

    /**
     * The SPV (vehicle) slug of createSubscriptions and the uploads.
     */
    private String spvSlug;

    /**
     * Only list SPV requests in this status (listSpvRequests).
     */
    private String status;

    /**
     * The contract version of the contracts operations, e.g. 1.0.0.
     */
    private String version;

    /**
     * The largest upload in bytes; larger files are refused before anything is sent.
     */
    private Long maxUploadSize = 10485760L;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * How long to wait for a connection to Zest.
     * A duration: milliseconds or text such as 10s or 1m30s.
     */
    private String connectTimeout = "10000";

    /**
     * How long to wait for Zest's reply (socket read timeout).
     * A duration: milliseconds or text such as 10s or 1m30s.
     */
    private String readTimeout = "60000";

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The HTTP proxy host to reach Zest through.
     */
    private String proxyHost;

    /**
     * The HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * The aud claim of the JWT assertion: exactly the base URL Zest expects for the environment. Defaults to the
     * base URL.
     */
    private String audience;

    /**
     * The client_id Zest issued to the partner application (sub and client_id claims).
     */
    private String clientId;

    /**
     * The iss claim of the JWT assertion: the partner's own API base URL.
     */
    private String issuer;

    /**
     * The partner's Ed25519 private key registered with Zest, as PKCS#8 PEM or OKP JWK text, or a file: or
     * classpath: reference to it. Use property placeholders to take it from an environment variable or a vault.
     */
    private String privateKey;

    /**
     * The password for the HTTP proxy.
     */
    private String proxyPassword;

    /**
     * The user name for the HTTP proxy.
     */
    private String proxyUsername;

    /**
     * How far the signature's timestamp may be from now, in the past or the future, before a delivery is refused
     * as a replay.
     * A duration: milliseconds or text such as 10s or 1m30s.
     */
    private String signatureTolerance = "300000";

    /**
     * TLS settings (trust store, key store, protocols) for the connection to Zest.
     * The option is a org.apache.camel.support.jsse.SSLContextParameters type; give a bean reference (#bean:name).
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * Use the global SSL context parameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The webhook signing secret Zest issued (whsec_...). Several, comma-separated, are all accepted: configure
     * the new one beside the old while Zest rotates it.
     */
    private String webhookSecret;

    /**
     * Only route these event types (comma-separated, e.g. spv_request.completed,subscription.completed); others
     * are acknowledged and dropped. Default: all.
     */
    private String eventTypes;

    /**
     * Where the eventIds of routed events are kept to drop Zest's repeated deliveries. Default: a file in
     * webhookDataDirectory keeping the latest 250 000 ids (well over 24 h), which survives restarts. When several
     * instances receive the webhooks, a shared one in their database
     * (dev.camelzest.component.webhook.JdbcEventIdRepository, which holds the claims too, so that each event is
     * routed once), named explicitly (#bean:name): it is never taken from the registry by type, so that an
     * unrelated repository bean cannot replace the event store.
     * The option is a org.apache.camel.spi.IdempotentRepository type; give a bean reference (#bean:name).
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    /**
     * The directory of the default file-backed eventId store.
     */
    private String webhookDataDirectory = "data/zest-webhooks";

    /**
     * The largest webhook body in bytes; larger requests are answered 413. Give the HTTP server the same limit
     * (camel.server.max-body-size with Camel Main) so that it never buffers more than this.
     */
    private Long webhookMaxBodySize = 1048576L;

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public dev.camelzest.component.ZestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(dev.camelzest.component.ZestConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getPerPage() {
        return perPage;
    }

    public void setPerPage(Integer perPage) {
        this.perPage = perPage;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public Boolean getRawJson() {
        return rawJson;
    }

    public void setRawJson(Boolean rawJson) {
        this.rawJson = rawJson;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSpvSlug() {
        return spvSlug;
    }

    public void setSpvSlug(String spvSlug) {
        this.spvSlug = spvSlug;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public Long getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(Long maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(String signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getWebhookDataDirectory() {
        return webhookDataDirectory;
    }

    public void setWebhookDataDirectory(String webhookDataDirectory) {
        this.webhookDataDirectory = webhookDataDirectory;
    }

    public Long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(Long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }
}
