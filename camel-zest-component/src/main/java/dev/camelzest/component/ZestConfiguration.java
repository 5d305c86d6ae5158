package dev.camelzest.component;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.camelzest.component.webhook.ZestWebhookSignature;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of the zest: component (defaults) and endpoints (overrides). */
@UriParams
public class ZestConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.zestequity.com";
    /** Zest accepts uploads of at most 10 MB. */
    public static final long DEFAULT_MAX_UPLOAD_SIZE = 10L * 1024 * 1024;
    /** Zest's events are small JSON documents; 1 MB leaves ample room for large attribute maps. */
    public static final long DEFAULT_WEBHOOK_MAX_BODY_SIZE = 1024L * 1024;
    public static final String DEFAULT_WEBHOOK_DATA_DIRECTORY = "data/zest-webhooks";

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The base URL of the Zest environment, without /v1: https://api.zestequity.com (production),"
                            + " https://sandbox.api.zestequity.com (sandbox) or a local sandbox.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security",
              description = "The aud claim of the JWT assertion: exactly the base URL Zest expects for the environment."
                            + " Defaults to the base URL.")
    private String audience;
    @UriParam(label = "security", description = "The client_id Zest issued to the partner application (sub and client_id claims).")
    private String clientId;
    @UriParam(label = "security", description = "The iss claim of the JWT assertion: the partner's own API base URL.")
    private String issuer;
    @UriParam(label = "security", secret = true,
              description = "The partner's Ed25519 private key registered with Zest, as PKCS#8 PEM or OKP JWK text,"
                            + " or a file: or classpath: reference to it. Use property placeholders to take it from an"
                            + " environment variable or a vault.")
    @Metadata(supportFileReference = true)
    private String privateKey;

    @UriParam(label = "producer", description = "The SPV (vehicle) slug of createSubscriptions and the uploads.")
    private String spvSlug;
    @UriParam(label = "producer", description = "The Zest person id (zestPersonId) of the uploads.")
    private String personId;
    @UriParam(label = "producer", description = "The SPV request slug of getSpvRequest and cancelSpvRequest.")
    private String slug;
    @UriParam(label = "producer", description = "The contract version of the contracts operations, e.g. 1.0.0.")
    private String version;
    @UriParam(label = "producer",
              description = "The template, catalog, primitive or sample name of the contracts get operations.")
    private String name;
    @UriParam(label = "producer", description = "The page of listSpvRequests (from 1).")
    private Integer page;
    @UriParam(label = "producer", description = "The page size of listSpvRequests (1 to 100).")
    private Integer perPage;
    @UriParam(label = "producer", enums = "pending-review,approved,rejected,cancelled",
              description = "Only list SPV requests in this status (listSpvRequests).")
    private String status;
    @UriParam(label = "producer", defaultValue = "false",
              description = "listSpvRequests pages through every page and replies with one list of all SPV requests.")
    private boolean allPages;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Reply with Zest's JSON text as received instead of the typed record.")
    private boolean rawJson;
    @UriParam(label = "producer", defaultValue = "1000",
              description = "The most investors sent in one bulkCreateInvestors call; a longer list is sent in several"
                            + " calls and the results are joined in input order.")
    private int maxBatchSize = 1000;
    @UriParam(label = "producer,advanced", defaultValue = "10485760",
              description = "The largest upload in bytes; larger files are refused before anything is sent.")
    private long maxUploadSize = DEFAULT_MAX_UPLOAD_SIZE;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to Zest.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for Zest's reply (socket read timeout).")
    private long readTimeout = 60_000;

    @UriParam(label = "proxy", description = "The HTTP proxy host to reach Zest through.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true, description = "The user name for the HTTP proxy.")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true, description = "The password for the HTTP proxy.")
    private String proxyPassword;

    @UriParam(label = "webhook,security", secret = true,
              description = "The webhook signing secret Zest issued (whsec_...). Several, comma-separated, are all"
                            + " accepted: configure the new one beside the old while Zest rotates it.")
    private String webhookSecret;
    @UriParam(label = "webhook,security", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How far the signature's timestamp may be from now, in the past or the future, before a"
                            + " delivery is refused as a replay.")
    private long signatureTolerance = ZestWebhookSignature.DEFAULT_TOLERANCE.toMillis();
    @UriParam(label = "webhook", defaultValue = "1048576",
              description = "The largest webhook body in bytes; larger requests are answered 413. Give the HTTP server"
                            + " the same limit (camel.server.max-body-size with Camel Main) so that it never buffers"
                            + " more than this.")
    private long webhookMaxBodySize = DEFAULT_WEBHOOK_MAX_BODY_SIZE;
    @UriParam(label = "webhook",
              description = "Only route these event types (comma-separated, e.g. spv_request.completed,"
                            + "subscription.completed); others are acknowledged and dropped. Default: all.")
    private String eventTypes;
    @UriParam(label = "webhook",
              description = "Where the eventIds of routed events are kept to drop Zest's repeated deliveries. Default:"
                            + " a file in webhookDataDirectory keeping the latest 250 000 ids (well over 24 h), which"
                            + " survives restarts. When several instances receive the webhooks, a shared one in their"
                            + " database (dev.camelzest.component.webhook.JdbcEventIdRepository, which holds the claims"
                            + " too, so that each event is routed once), named explicitly (#bean:name): it is never taken"
                            + " from the registry by type, so that an unrelated repository bean cannot replace the event"
                            + " store.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "webhook", defaultValue = DEFAULT_WEBHOOK_DATA_DIRECTORY,
              description = "The directory of the default file-backed eventId store.")
    private String webhookDataDirectory = DEFAULT_WEBHOOK_DATA_DIRECTORY;

    @UriParam(label = "security", description = "TLS settings (trust store, key store, protocols) for the connection to Zest.")
    private SSLContextParameters sslContextParameters;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    /** The base URL without a trailing slash: the root the operations' paths are appended to. */
    public String effectiveBaseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The audience to sign for: the configured one, else the base URL without a trailing slash. */
    public String effectiveAudience() {
        return isSet(audience) ? audience : effectiveBaseUrl();
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

    /** True when clientId, issuer and privateKey are all set. */
    public boolean hasCredentials() {
        return isSet(clientId) && isSet(issuer) && isSet(privateKey);
    }

    public String getSpvSlug() {
        return spvSlug;
    }

    public void setSpvSlug(String spvSlug) {
        this.spvSlug = spvSlug;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public boolean isRawJson() {
        return rawJson;
    }

    public void setRawJson(boolean rawJson) {
        this.rawJson = rawJson;
    }

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public long getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(long maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
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

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    /** The configured webhook secrets, in order. */
    public List<String> webhookSecrets() {
        return splitList(webhookSecret).toList();
    }

    public long getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(long signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** The event types to route; empty means all. */
    public Set<String> eventTypeFilter() {
        return splitList(eventTypes).collect(Collectors.toUnmodifiableSet());
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getWebhookDataDirectory() {
        return webhookDataDirectory;
    }

    public void setWebhookDataDirectory(String webhookDataDirectory) {
        this.webhookDataDirectory = webhookDataDirectory;
    }

    /** Fails on settings that cannot work, before any route starts. */
    public void validate() {
        if (!isSet(baseUrl) || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was: " + baseUrl);
        }
        if (baseUrl.matches(".*/v1/?$")) {
            throw new IllegalArgumentException("baseUrl is the environment's root, without /v1 (the operations add it): "
                                               + baseUrl);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was: " + maxBatchSize);
        }
        if (perPage != null && (perPage < 1 || perPage > 100)) {
            throw new IllegalArgumentException("perPage must be between 1 and 100, was: " + perPage);
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was: " + page);
        }
        boolean anyCredential = isSet(clientId) || isSet(issuer) || isSet(privateKey);
        if (anyCredential && !hasCredentials()) {
            throw new IllegalArgumentException(
                    "clientId, issuer and privateKey must be configured together (some are missing)");
        }
    }

    /** Fails on webhook settings that cannot work: the webhook endpoint's own check, beside {@link #validate()}. */
    public void validateWebhook() {
        if (webhookSecrets().isEmpty()) {
            throw new IllegalArgumentException("webhookSecret is required to receive Zest's webhooks");
        }
        if (signatureTolerance < 0) {
            throw new IllegalArgumentException("signatureTolerance cannot be negative");
        }
        if (webhookMaxBodySize < 1) {
            throw new IllegalArgumentException("webhookMaxBodySize must be at least 1, was: " + webhookMaxBodySize);
        }
        if (idempotentRepository == null && !isSet(webhookDataDirectory)) {
            throw new IllegalArgumentException("webhookDataDirectory or idempotentRepository is required");
        }
    }

    public ZestConfiguration copy() {
        try {
            return (ZestConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    private static Stream<String> splitList(String value) {
        return value == null ? Stream.empty()
                : Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty());
    }

    /** Never shows a secret: keys, passwords and webhook secrets are masked. */
    @Override
    public String toString() {
        return "ZestConfiguration[baseUrl=" + baseUrl + ", clientId=" + clientId
               + ", privateKey=" + mask(privateKey) + ", proxyHost=" + proxyHost + ", proxyUsername=" + mask(proxyUsername)
               + ", proxyPassword=" + mask(proxyPassword) + ", webhookSecret=" + mask(webhookSecret) + "]";
    }

    private static String mask(String secret) {
        return isSet(secret) ? "xxxxxx" : null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
