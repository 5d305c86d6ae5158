package dev.camelzest.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.util.StringHelper;

/**
 * Camel's cluster service from the application's properties, for the routes that must run on one replica at a time
 * (the SPV reconciliation and the dead-letter replay): {@value #SERVICE} names the backend, its options are
 * {@code app.cluster.<backend>.<option>} (the option names of Camel's service, dashed). Those routes start with
 * {@value #SINGLETON_PREFIX}: {@code master:<namespace>:} with a cluster service (camel-master: the route's consumer
 * runs only on the namespace's leader), empty on a single node, where they run as before.
 */
final class ClusterSetup {

    static final String SERVICE = "app.cluster.service";
    static final String NAMESPACE = "app.cluster.namespace";
    static final String MEMBER_ID = "app.cluster.member-id";
    /** Set by the application, not by hand: what the singleton routes' URIs start with. */
    static final String SINGLETON_PREFIX = "app.cluster.singleton-prefix";

    static final String NONE = "none";

    /** The backends partners run, with the options the application passes on. */
    enum Backend {
        ZOOKEEPER("zookeeper", ZooKeeperClusterService::new, List.of("nodes"),
                List.of("base-path", "session-timeout", "connect-timeout", "reconnect-max-retries")),
        KUBERNETES("kubernetes", KubernetesClusterService::new, List.of(),
                List.of("namespace", "kubernetes-resource-name", "lease-duration-millis", "renew-deadline-millis",
                        "retry-period-millis", "pod-name")),
        FILE("file", FileLockClusterService::new, List.of("root"),
                List.of("acquire-lock-delay", "acquire-lock-interval", "heartbeat-timeout-multiplier"));

        final String label;
        private final Supplier<AbstractCamelClusterService<?>> create;
        final List<String> required;
        final List<String> optional;

        Backend(String label, Supplier<AbstractCamelClusterService<?>> create, List<String> required,
                List<String> optional) {
            this.label = label;
            this.create = create;
            this.required = required;
            this.optional = optional;
        }

        String option(String name) {
            return "app.cluster." + label + "." + name;
        }

        static Optional<Backend> named(String label) {
            return Arrays.stream(values()).filter(backend -> backend.label.equals(label)).findFirst();
        }
    }

    private ClusterSetup() {
    }

    /**
     * The configured cluster service, added to Camel's services (Camel starts it before the routes), and the
     * singleton prefix set for the routes; none configured: an empty prefix and nothing added.
     */
    static Optional<CamelClusterService> apply(AppProperties app, CamelContext camel) {
        Optional<CamelClusterService> service = create(app, camel);
        app.set(SINGLETON_PREFIX, service.map(ignored -> "master:" + app.get(NAMESPACE, "camel-zest") + ":").orElse(""));
        service.ifPresent(clusterService -> addService(camel, clusterService));
        return service;
    }

    static Optional<CamelClusterService> create(AppProperties app, CamelContext camel) {
        String label = app.get(SERVICE, NONE).toLowerCase(Locale.ROOT);
        if (label.equals(NONE)) {
            return Optional.empty();
        }
        Backend backend = Backend.named(label).orElseThrow(() -> new StartupRefused(SERVICE + " is '" + label
                + "'; it is one of none, zookeeper, kubernetes, file"));
        Map<String, Object> options = new LinkedHashMap<>();
        for (String name : backend.required) {
            options.put(StringHelper.dashToCamelCase(name), app.get(backend.option(name)).orElseThrow(() ->
                    new StartupRefused(SERVICE + " is " + label + ", which needs " + backend.option(name))));
        }
        for (String name : backend.optional) {
            app.get(backend.option(name)).ifPresent(value -> options.put(StringHelper.dashToCamelCase(name), value));
        }
        AbstractCamelClusterService<?> service = backend.create.get();
        service.setCamelContext(camel);
        service.setId(app.get(MEMBER_ID).orElseGet(ClusterSetup::defaultMemberId));
        try {
            PropertyBindingSupport.build().withMandatory(true).withReference(false)
                    .bind(camel, service, options);
        } catch (RuntimeException e) {
            throw new StartupRefused("the " + label + " cluster service does not take its options (check "
                    + "app.cluster." + label + ".*): " + e.getMessage());
        }
        return Optional.of(service);
    }

    /** Unique per replica: the host name (a pod's name on Kubernetes) and the process id. */
    private static String defaultMemberId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static void addService(CamelContext camel, CamelClusterService service) {
        try {
            camel.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
