package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The cluster service from properties: each backend's options reach Camel's service; a wrong one stops the start. */
class ClusterSetupTest {

    @Test
    void kubernetesLeaseTakesItsOptionsWithoutReachingTheApiServer() {
        CamelClusterService service = create(Map.of(ClusterSetup.SERVICE, "kubernetes",
                "app.cluster.kubernetes.namespace", "partner-integrations",
                "app.cluster.kubernetes.lease-duration-millis", "20000",
                "app.cluster.kubernetes.renew-deadline-millis", "15000",
                "app.cluster.kubernetes.retry-period-millis", "3000",
                "app.cluster.kubernetes.pod-name", "camel-zest-7d9c-abcde"));
        KubernetesClusterService kubernetes = (KubernetesClusterService) service;
        assertThat(kubernetes.getNamespace()).isEqualTo("partner-integrations");
        assertThat(kubernetes.getLeaseDurationMillis()).isEqualTo(20000);
        assertThat(kubernetes.getRenewDeadlineMillis()).isEqualTo(15000);
        assertThat(kubernetes.getRetryPeriodMillis()).isEqualTo(3000);
        assertThat(kubernetes.getPodName()).isEqualTo("camel-zest-7d9c-abcde");
    }

    @Test
    void zooKeeperTakesItsNodesAndSessionTimeout() {
        ZooKeeperClusterService zooKeeper = (ZooKeeperClusterService) create(Map.of(ClusterSetup.SERVICE, "ZooKeeper",
                "app.cluster.zookeeper.nodes", "zk1:2181,zk2:2181", "app.cluster.zookeeper.session-timeout", "12000"));
        assertThat(zooKeeper.getNodes()).isEqualTo("zk1:2181,zk2:2181");
        assertThat(zooKeeper.getSessionTimeout()).isEqualTo(12000);
        assertThat(zooKeeper.getId()).as("unique per replica by default").contains("-" + ProcessHandle.current().pid());
    }

    @Test
    void anUnknownBackendIsOneLineListingTheKnownOnes() {
        assertThatThrownBy(() -> create(Map.of(ClusterSetup.SERVICE, "consul")))
                .isInstanceOf(StartupRefused.class)
                .hasMessage("app.cluster.service is 'consul'; it is one of none, zookeeper, kubernetes, file");
    }

    @Test
    void aBackendWithoutItsRequiredOptionNamesIt() {
        assertThatThrownBy(() -> create(Map.of(ClusterSetup.SERVICE, "zookeeper")))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("needs app.cluster.zookeeper.nodes");
        assertThatThrownBy(() -> create(Map.of(ClusterSetup.SERVICE, "file")))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("needs app.cluster.file.root");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheBackendsOptions() {
        assertThatThrownBy(() -> create(Map.of(ClusterSetup.SERVICE, "file", "app.cluster.file.root", "/shared",
                "app.cluster.file.acquire-lock-interval", "often")))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("check app.cluster.file.*");
    }

    @Test
    void withAServiceTheSingletonRoutesStartWithMasterOfTheNamespace() {
        CamelContext camel = context(Map.of(ClusterSetup.SERVICE, "file", "app.cluster.file.root", "/shared",
                ClusterSetup.NAMESPACE, "acme-zest"));
        ClusterSetup.apply(new AppProperties(camel.getPropertiesComponent()), camel);
        assertThat(camel.resolvePropertyPlaceholders("{{" + ClusterSetup.SINGLETON_PREFIX + "}}"))
                .isEqualTo("master:acme-zest:");
        assertThat(camel.hasService(CamelClusterService.class)).isNotNull();
    }

    private static CamelClusterService create(Map<String, String> properties) {
        CamelContext camel = context(properties);
        return ClusterSetup.create(new AppProperties(camel.getPropertiesComponent()), camel).orElseThrow();
    }

    private static CamelContext context(Map<String, String> properties) {
        CamelContext camel = new DefaultCamelContext();
        Properties initial = new Properties();
        initial.putAll(properties);
        camel.getPropertiesComponent().setInitialProperties(initial);
        return camel;
    }
}
