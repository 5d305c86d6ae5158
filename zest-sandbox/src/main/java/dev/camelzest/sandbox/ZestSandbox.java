package dev.camelzest.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelzest.sandbox.admin.RegisterPartner;
import dev.camelzest.sandbox.contracts.ContractRegistry;
import dev.camelzest.sandbox.demo.DemoAutomation;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.BearerAuthenticator;
import dev.camelzest.sandbox.http.Faults;
import dev.camelzest.sandbox.http.OpenApiValidation;
import dev.camelzest.sandbox.http.OperationDispatcher;
import dev.camelzest.sandbox.http.Operations;
import dev.camelzest.sandbox.http.RequestLog;
import dev.camelzest.sandbox.state.Partner;
import dev.camelzest.sandbox.state.SandboxState;
import dev.camelzest.sandbox.state.StateFile;
import dev.camelzest.sandbox.uploads.DocumentStorage;
import dev.camelzest.sandbox.webhook.WebhookAdminRoutes;
import dev.camelzest.sandbox.webhook.WebhookOutbox;
import dev.camelzest.sandbox.webhook.WebhookSettings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local Zest Partner API on the loopback interface: {@code ZestSandbox.builder().port(0).build().start()}.
 * Serves the Zest API under /v1, the system reads, and the sandbox's admin API under /sandbox/.
 */
public final class ZestSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZestSandbox.class);
    static final String HOST = "127.0.0.1";
    /** Above the 10 MB upload cap, so that the upload handlers can answer 413 themselves. */
    private static final long BODY_LIMIT_BYTES = 64L * 1024 * 1024;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long STATE_SAVE_INTERVAL_MS = 1000;

    private final Builder config;
    private Vertx vertx;
    private HttpServer server;
    private SandboxContext context;
    private PublishedEvents events;
    private WebhookOutbox outbox;
    private StateFile stateFile;
    private Path uploadsDirectory;
    private String baseUrl;
    private long saveTimer = -1;

    private ZestSandbox(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port, mounts every operation and returns once the sandbox answers requests. */
    public synchronized ZestSandbox start() {
        if (server != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
        stateFile = config.stateFile == null ? null : new StateFile(config.stateFile);
        SandboxState state = stateFile == null ? new SandboxState() : stateFile.load();
        uploadsDirectory = createUploadsDirectory();
        vertx = Vertx.vertx();
        try {
            listenAndMount(state);
        } catch (RuntimeException e) {
            server = null;
            await(vertx.close());
            deleteRecursively(uploadsDirectory);
            throw e;
        }
        if (stateFile != null) {
            saveTimer = vertx.setPeriodic(STATE_SAVE_INTERVAL_MS, id -> vertx.executeBlocking(() -> {
                stateFile.saveIfChanged(state);
                return null;
            }, true));
        }
        LOG.info("Zest sandbox listening on {} (audience {}, random seed {})", baseUrl, context.audience(),
                config.randomSeed);
        return this;
    }

    /**
     * Mounts every operation, then binds the port: a client that finds the port open gets answers, never a 404
     * from a half-built router. The default audience is the base URL, known only once bound.
     */
    private void listenAndMount(SandboxState state) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(uploadsDirectory.toString())
                .setBodyLimit(BODY_LIMIT_BYTES)
                .setDeleteUploadedFilesOnEnd(true));

        Faults faults = new Faults(config.randomSeed);
        RequestLog requestLog = new RequestLog();
        outbox = new WebhookOutbox(vertx, initialWebhookSettings(), config.clock, WebhookOutbox.ATTEMPT_TIMEOUT,
                new Random(config.randomSeed + 1));
        events = new PublishedEvents(outbox);
        context = new SandboxContext(state, new SandboxSettings(config.tokenTtl, config.maxInvestorsPerCall),
                events, config.clock, config.audience, faults, requestLog, ContractRegistry.builtIn());
        context.settings().maxConcurrentCalls(config.maxConcurrentCalls);
        context.onReset(events::clear);
        context.onReset(outbox::clear);
        WebhookAdminRoutes.mount(router, outbox);
        OperationDispatcher dispatcher = new OperationDispatcher(vertx, config.clock,
                new BearerAuthenticator(state, config.clock), OpenApiValidation.load(), faults, requestLog,
                context.settings());
        SandboxRoutes.mount(new Operations(router, dispatcher), context, new DocumentStorage(documentsDirectory()));
        if (config.autoApproveAfter != null || config.autoCompleteAfter != null) {
            events.onPublished(new DemoAutomation(vertx, context, config.autoApproveAfter,
                    config.autoCompleteAfter)::onPublished);
        }
        router.route().handler(ctx -> dispatcher.fail(ctx,
                ApiException.notFound("No operation at " + ctx.request().method() + " " + ctx.normalizedPath() + "."),
                isZestPath(ctx)));
        router.route().failureHandler(ctx -> dispatcher.fail(ctx, failureOf(ctx), isZestPath(ctx)));

        server = await(vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(config.port))
                .requestHandler(router)
                .listen());
        baseUrl = "http://" + HOST + ":" + server.actualPort();
        context.boundTo(baseUrl);
    }

    /** Beside the state file, so that a restart keeps the documents its links point to; else temporary. */
    private Path documentsDirectory() {
        return config.stateFile == null
                ? uploadsDirectory.resolve("documents")
                : config.stateFile.toAbsolutePath().resolveSibling(config.stateFile.getFileName() + ".documents");
    }

    /** Deliveries wait, pending, until a URL is configured here or through {@code PUT /sandbox/webhooks}. */
    private WebhookSettings initialWebhookSettings() {
        WebhookSettings settings = WebhookSettings.unconfigured().withTimeScale(config.webhookTimeScale);
        return config.webhookUrl == null ? settings : settings.withEndpoint(config.webhookUrl, config.webhookSecret);
    }

    /** Stops serving, saves the state file (if any) and frees the port. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            if (saveTimer >= 0) {
                vertx.cancelTimer(saveTimer);
            }
            await(server.close());
            outbox.close();
            await(vertx.close());
            if (stateFile != null) {
                stateFile.saveIfChanged(context.state());
            }
        } finally {
            server = null;
            deleteRecursively(uploadsDirectory);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** The exact {@code aud} token assertions must carry (default: the base URL). */
    public String audience() {
        requireStarted();
        return context.audience();
    }

    public int port() {
        requireStarted();
        return server.actualPort();
    }

    /** Registers (or re-keys) a provisioned partner application with its Ed25519 public key (PEM). */
    public void registerPartner(String clientId, String publicKeyPem) {
        requireStarted();
        RegisterPartner.register(context, clientId, publicKeyPem, Partner.tenantSlugFor(clientId), true);
    }

    /** The seed of the sandbox's random choices ({@link Builder#randomSeed}): run again with it to replay them. */
    public long randomSeed() {
        return config.randomSeed;
    }

    /** The running sandbox's state, settings and services. */
    public SandboxContext context() {
        requireStarted();
        return context;
    }

    /** Every event published since start (or the last reset). */
    public PublishedEvents events() {
        requireStarted();
        return events;
    }

    /** Every webhook delivery, its attempts and the live webhook settings. */
    public WebhookOutbox webhooks() {
        requireStarted();
        return outbox;
    }

    /** Webhook settings given at build time. */
    public String webhookUrl() {
        return config.webhookUrl;
    }

    public String webhookSecret() {
        return config.webhookSecret;
    }

    public double webhookTimeScale() {
        return config.webhookTimeScale;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
    }

    private static boolean isZestPath(RoutingContext ctx) {
        return !ctx.normalizedPath().startsWith("/sandbox/");
    }

    private static ApiException failureOf(RoutingContext ctx) {
        if (ctx.failure() instanceof ApiException apiException) {
            return apiException;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            return ApiException.payloadTooLarge("Request body is too large.");
        }
        if (status >= 400 && status < 500) {
            return ApiException.forStatus(status, "Request could not be read.");
        }
        LOG.error("Unexpected failure serving {}", ctx.normalizedPath(), ctx.failure());
        return ApiException.internalError("Unexpected error.");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the sandbox's HTTP server failed: " + e.getMessage(), e);
        }
    }

    private static Path createUploadsDirectory() {
        try {
            return Files.createTempDirectory("zest-sandbox-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }

    /** Options of a sandbox; {@link #build()} makes an unstarted one. */
    public static final class Builder {
        private int port;
        private String audience;
        private Duration tokenTtl = Duration.ofHours(1);
        private int maxInvestorsPerCall = 1000;
        private int maxConcurrentCalls;
        private String webhookUrl;
        private String webhookSecret;
        private double webhookTimeScale = 1.0;
        private Path stateFile;
        private Clock clock = Clock.systemUTC();
        private long randomSeed = new SecureRandom().nextLong();
        private Duration autoApproveAfter;
        private Duration autoCompleteAfter;

        private Builder() {
        }

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The exact {@code aud} assertions must carry; default: the base URL. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Lifetime of access tokens (default 3600 s); short values let tests force a refresh. */
        public Builder tokenTtl(Duration tokenTtl) {
            if (tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive");
            }
            this.tokenTtl = tokenTtl;
            return this;
        }

        /** Rows one POST /v1/investors accepts (default 1000); more is 400 invalid_request. */
        public Builder maxInvestorsPerCall(int maxInvestorsPerCall) {
            if (maxInvestorsPerCall < 1) {
                throw new IllegalArgumentException("maxInvestorsPerCall must be at least 1");
            }
            this.maxInvestorsPerCall = maxInvestorsPerCall;
            return this;
        }

        /** Partner calls served at once (default 0: no limit); one more is answered 429 with Retry-After. */
        public Builder maxConcurrentCalls(int maxConcurrentCalls) {
            if (maxConcurrentCalls < 0) {
                throw new IllegalArgumentException("maxConcurrentCalls cannot be negative");
            }
            this.maxConcurrentCalls = maxConcurrentCalls;
            return this;
        }

        /** Demo behaviour: every new SPV request is approved after this delay (default: never). */
        public Builder autoApproveAfter(Duration delay) {
            this.autoApproveAfter = requireNonNegative(delay, "autoApproveAfter");
            return this;
        }

        /** Demo behaviour: every funded subscription is completed after this delay (default: never). */
        public Builder autoCompleteAfter(Duration delay) {
            this.autoCompleteAfter = requireNonNegative(delay, "autoCompleteAfter");
            return this;
        }

        private static Duration requireNonNegative(Duration delay, String name) {
            if (delay != null && delay.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return delay;
        }

        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        public Builder webhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
            return this;
        }

        /** Multiplies the webhook retry delays (0.001 turns 30 s into 30 ms). */
        public Builder webhookTimeScale(double webhookTimeScale) {
            if (!(webhookTimeScale > 0)) {
                throw new IllegalArgumentException("webhookTimeScale must be positive");
            }
            this.webhookTimeScale = webhookTimeScale;
            return this;
        }

        /** Persists the state to this file and restores it at start. */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        /** The clock of token lifetimes, idempotency windows and timestamps (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The seed of every random choice the sandbox makes for a test: which calls a fault with a rate below 1
         * strikes, and the order shuffle mode delivers webhooks in (default: a fresh seed, logged at start).
         */
        public Builder randomSeed(long randomSeed) {
            this.randomSeed = randomSeed;
            return this;
        }

        public ZestSandbox build() {
            return new ZestSandbox(this);
        }
    }
}
