package dev.camelzest.sandbox.junit;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.ZestSandbox;

/**
 * Starts one sandbox per test class on a random loopback port, with a registered default partner:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();
 * }</pre>
 *
 * The sandbox's random choices (faults with a rate, shuffled webhooks) follow one seed: the system property
 * {@value #SEED_PROPERTY} if set, else a fresh one (a test may fix its own with {@code b.randomSeed(...)}). A test
 * that fails carries the seed in its failure, so that the run can be replayed.
 */
public final class ZestSandboxExtension implements BeforeAllCallback, AfterAllCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The client id of the partner every extension registers. */
    public static final String DEFAULT_CLIENT_ID = "camel-zest-test";
    /** Replays a failed run's random choices: {@code -Dzest.sandbox.seed=<the seed its failure names>}. */
    public static final String SEED_PROPERTY = "zest.sandbox.seed";

    private final Consumer<ZestSandbox.Builder> options;
    private ZestSandbox sandbox;
    private PartnerCredentials partner;
    private SandboxAdminClient admin;

    private ZestSandboxExtension(Consumer<ZestSandbox.Builder> options) {
        this.options = options;
    }

    public static ZestSandboxExtension create() {
        return create(builder -> { });
    }

    /** With builder options, e.g. {@code create(b -> b.tokenTtl(Duration.ofSeconds(2)))}. */
    public static ZestSandboxExtension create(Consumer<ZestSandbox.Builder> options) {
        return new ZestSandboxExtension(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ZestSandbox.Builder builder = ZestSandbox.builder().port(0);
        Long seed = Long.getLong(SEED_PROPERTY);
        if (seed != null) {
            builder.randomSeed(seed);
        }
        options.accept(builder);
        sandbox = builder.build().start();
        partner = PartnerCredentials.generate(DEFAULT_CLIENT_ID);
        sandbox.registerPartner(partner.clientId(), partner.publicKeyPem());
        admin = new SandboxAdminClient(sandbox.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withSeed(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withSeed(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withSeed(failure);
    }

    private Throwable withSeed(Throwable failure) {
        if (sandbox != null) {
            failure.addSuppressed(new SandboxSeed(sandbox.randomSeed()));
        }
        return failure;
    }

    /** Shown with a failure's stack trace: the seed that replays the sandbox's random choices. */
    static final class SandboxSeed extends RuntimeException {
        SandboxSeed(long seed) {
            super("the Zest sandbox drew its random choices with seed " + seed + ": replay with -D"
                    + SEED_PROPERTY + "=" + seed, null, false, false);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return sandbox().baseUrl();
    }

    /** The exact {@code aud} assertions must carry. */
    public String audience() {
        return sandbox().audience();
    }

    /** The registered default partner's credentials. */
    public PartnerCredentials partner() {
        sandbox();
        return partner;
    }

    public SandboxAdminClient admin() {
        sandbox();
        return admin;
    }

    public ZestSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox runs only while the test class runs: register the "
                    + "extension on a static field with @RegisterExtension");
        }
        return sandbox;
    }
}
