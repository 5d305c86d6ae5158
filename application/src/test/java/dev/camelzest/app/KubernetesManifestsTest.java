package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes parsed as Kubernetes reads it: every environment variable and ConfigMap key is one of the
 * application's real properties, the probes and the Service reach the ports the configuration opens, the grace
 * period outlasts the graceful stop, and the Lease role is bound to the pods' account.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");
    /** Not a property of the application: the JVM's own. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static Set<String> propertyNames;
    private static Properties defaults;
    private static Properties deployed;
    private static Deployment deployment;
    private static Container container;

    @BeforeAll
    static void read() throws Exception {
        defaults = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        propertyNames = applicationPropertyNames();
        deployment = manifest("deployment.yaml", Deployment.class);
        container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        deployed = new Properties();
        deployed.load(new StringReader(manifest("configmap.yaml", ConfigMap.class).getData()
                .get("application.properties")));
    }

    @Test
    void everyEnvironmentVariableSetsARealProperty() {
        for (EnvVar variable : container.getEnv()) {
            if (!JVM_VARIABLES.contains(variable.getName())) {
                assertThat(propertyNames.stream().map(KubernetesManifestsTest::environmentName))
                        .as("the property %s sets", variable.getName()).contains(variable.getName());
            }
        }
    }

    @Test
    void everyConfigMapKeyIsARealProperty() {
        assertThat(deployed.stringPropertyNames()).isNotEmpty();
        assertThat(propertyNames).containsAll(deployed.stringPropertyNames());
        assertThat(deployed.getProperty(ClusterSetup.SERVICE)).isEqualTo("kubernetes");
    }

    @Test
    void secretsComeFromTheSecretIntoPropertiesCamelMasks() {
        Secret secret = manifest("secret.yaml", Secret.class);
        List<EnvVar> fromSecret = container.getEnv().stream()
                .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                .toList();
        assertThat(fromSecret).extracting(EnvVar::getName)
                .containsExactlyInAnyOrder("ZEST_WEBHOOK_SECRET", "ZEST_LEDGER_PASSWORD", "SFTP_PASSWORD");
        for (EnvVar variable : fromSecret) {
            assertThat(secret.getStringData()).containsKey(variable.getValueFrom().getSecretKeyRef().getKey());
            assertThat(variable.getName()).matches(".*_(SECRET|PASSWORD)");
        }
        assertThat(deployed.stringPropertyNames()).noneMatch(name -> name.matches(".*(secret|password)$"));
        assertThat(deployed.getProperty(AppProperties.ZEST_PRIVATE_KEY)).startsWith("file:/etc/camel-zest/secrets/");
        assertThat(mountPath("partner-key")).isEqualTo("/etc/camel-zest/secrets");
    }

    @Test
    void probesAskTheManagementPortForHealth() {
        int managementPort = Integer.parseInt(deployed.getProperty(ListeningPorts.MANAGEMENT_PORT));
        assertThat(port("management")).isEqualTo(managementPort);
        assertThat(deployed.getProperty(ListeningPorts.MANAGEMENT_HOST)).as("the kubelet probes the pod's address")
                .isEqualTo("0.0.0.0");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(healthPath() + "/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(healthPath() + "/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    @Test
    void theServiceReachesTheWebhookPortOnly() {
        Service service = manifest("service.yaml", Service.class);
        assertThat(port("webhooks")).isEqualTo(Integer.parseInt(deployed.getProperty(ListeningPorts.WEBHOOK_PORT)));
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("webhooks"));
        assertThat(service.getSpec().getSelector()).isEqualTo(podLabels());
    }

    @Test
    void theGracePeriodOutlastsTheGracefulStop() {
        int shutdownTimeout = Integer.parseInt(defaults.getProperty("camel.main.shutdown-timeout"));
        long preStopPause = container.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(shutdownTimeout + preStopPause);
    }

    @Test
    void twoReplicasRolledOneAtATimeAndNeverBothDisrupted() {
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        PodDisruptionBudget budget = manifest("poddisruptionbudget.yaml", PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels());
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels());
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void thePodsAccountMayHoldTheLeaderLeaseAndNothingElse() {
        ServiceAccount account = manifest("serviceaccount.yaml", ServiceAccount.class);
        Role role = manifest("role.yaml", Role.class);
        RoleBinding binding = manifest("rolebinding.yaml", RoleBinding.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(account.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement()
                .satisfies(subject -> assertThat(subject.getName()).isEqualTo(account.getMetadata().getName()));
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        PolicyRule leases = role.getRules().stream().filter(rule -> rule.getResources().contains("leases"))
                .findFirst().orElseThrow();
        assertThat(leases.getApiGroups()).containsExactly("coordination.k8s.io");
        assertThat(leases.getVerbs()).contains("get", "create", "update").doesNotContain("delete", "*");
        assertThat(role.getRules()).flatExtracting(PolicyRule::getVerbs).doesNotContain("*", "delete");
    }

    @Test
    void theDirectoriesLieOnTheVolumesMeantForThem() {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName).allMatch(volumes::contains);
        assertThat(deployed.getProperty(AppProperties.DATA_DIRECTORY)).startsWith(mountPath("data") + "/");
        assertThat(deployed.getProperty("events.dead-letter-directory")).startsWith(mountPath("shared") + "/");
        assertThat(pod.getVolumes().stream().filter(volume -> volume.getName().equals("shared")).findFirst()
                .orElseThrow().getPersistentVolumeClaim().getClaimName()).isEqualTo("camel-zest-shared");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    private static String healthPath() {
        return defaults.getProperty("camel.management.path", "/observe") + "/health";
    }

    private static java.util.Map<String, String> podLabels() {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static int port(String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .map(ContainerPort::getContainerPort).orElseThrow();
    }

    private static String mountPath(String volume) {
        return container.getVolumeMounts().stream().filter(mount -> mount.getName().equals(volume)).findFirst()
                .map(VolumeMount::getMountPath).orElseThrow();
    }

    /** The keys of the defaults file and every property name the application's code reads. */
    private static Set<String> applicationPropertyNames() throws IllegalAccessException {
        Set<String> names = new HashSet<>(defaults.stringPropertyNames());
        for (Class<?> type : List.of(AppProperties.class, ListeningPorts.class, ClusterSetup.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                }
            }
        }
        for (ClusterSetup.Backend backend : ClusterSetup.Backend.values()) {
            backend.required.forEach(option -> names.add(backend.option(option)));
            backend.optional.forEach(option -> names.add(backend.option(option)));
        }
        names.remove(ClusterSetup.SINGLETON_PREFIX);
        return names;
    }

    /** How Camel Main reads a property from the environment: upper case, dots and dashes as underscores. */
    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static <T> T manifest(String name, Class<T> type) {
        try (InputStream in = Files.newInputStream(MANIFESTS.resolve(name))) {
            return Serialization.unmarshal(in, type);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name, e);
        }
    }
}
