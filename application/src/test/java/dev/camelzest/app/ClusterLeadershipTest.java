package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same singleton route on two Camel contexts, each a replica with the cluster service the application builds
 * from its properties: only the leader's route runs; when the leader stops, the other's starts. How long the move
 * took is printed (src/docs/deployment.md quotes it).
 */
class ClusterLeadershipTest {

    private static final Duration MOVE_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path temp;
    private EmbeddedZooKeeper zooKeeper;
    private Replica first;
    private Replica second;

    @AfterEach
    void stopAll() {
        for (Replica replica : new Replica[] {first, second}) {
            if (replica != null) {
                replica.camel.stop();
            }
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void zooKeeperLeadershipMovesWhenTheLeaderStops() throws Exception {
        zooKeeper = EmbeddedZooKeeper.start(temp.resolve("zookeeper"));
        Map<String, String> zooKeeperCluster = Map.of(ClusterSetup.SERVICE, "zookeeper",
                "app.cluster.zookeeper.nodes", zooKeeper.connectString(),
                "app.cluster.zookeeper.base-path", "/camel-zest/cluster",
                "app.cluster.zookeeper.session-timeout", "5000");
        leadershipMoves("zookeeper", zooKeeperCluster);
    }

    @Test
    void fileLockLeadershipMovesWhenTheLeaderStops() throws Exception {
        Map<String, String> fileCluster = Map.of(ClusterSetup.SERVICE, "file",
                "app.cluster.file.root", temp.resolve("shared-volume").toString(),
                "app.cluster.file.acquire-lock-interval", "1");
        leadershipMoves("file lock", fileCluster);
    }

    private void leadershipMoves(String backend, Map<String, String> cluster) throws Exception {
        first = Replica.start("replica-1", cluster);
        await().atMost(MOVE_DEADLINE).until(() -> first.runs.get() > 0);
        second = Replica.start("replica-2", cluster);

        // both up: the leader's timer keeps firing, the follower's never does
        int firstBefore = first.runs.get();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> second.runs.get() == 0);
        assertThat(first.runs.get()).isGreaterThan(firstBefore);

        long stopped = System.nanoTime();
        first.camel.stop();
        await().atMost(MOVE_DEADLINE).until(() -> second.runs.get() > 0);
        Duration move = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.printf("%s: leadership moved %d ms after the leader stopped%n", backend, move.toMillis());
        assertThat(first.camel.isStopped()).isTrue();
    }

    @Test
    void aSingleNodeRunsTheRouteWithoutAClusterService() throws Exception {
        first = Replica.start("single", Map.of());
        assertThat(first.camel.hasServices(org.apache.camel.cluster.CamelClusterService.class)).isEmpty();
        assertThat(first.camel.getPropertiesComponent().resolveProperty(ClusterSetup.SINGLETON_PREFIX)).hasValue("");
        assertThat(first.camel.getRoute("singleton").getEndpoint().getEndpointUri()).startsWith("timer:");
        await().atMost(MOVE_DEADLINE).until(() -> first.runs.get() > 0);
    }

    /** One replica: a context with the application's cluster setup and one singleton timer route. */
    private record Replica(CamelContext camel, AtomicInteger runs) {

        static Replica start(String memberId, Map<String, String> cluster) throws Exception {
            CamelContext camel = new DefaultCamelContext();
            Properties properties = new Properties();
            properties.putAll(cluster);
            properties.put(ClusterSetup.MEMBER_ID, memberId);
            camel.getPropertiesComponent().setInitialProperties(properties);
            ClusterSetup.apply(new AppProperties(camel.getPropertiesComponent()), camel);
            AtomicInteger runs = new AtomicInteger();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("{{" + ClusterSetup.SINGLETON_PREFIX + "}}timer:reconcile?period=100")
                            .routeId("singleton")
                            .process(exchange -> runs.incrementAndGet());
                }
            });
            camel.start();
            return new Replica(camel, runs);
        }
    }
}
