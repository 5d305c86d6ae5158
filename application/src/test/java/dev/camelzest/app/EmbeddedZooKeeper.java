package dev.camelzest.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A real ZooKeeper server on loopback, on a free port, its data in a directory of the test's. */
final class EmbeddedZooKeeper implements AutoCloseable {

    /** Sessions may last 2 to 20 ticks: the tests' timeouts of a few seconds are within bounds. */
    private static final int TICK_MILLIS = 500;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    private EmbeddedZooKeeper(ZooKeeperServer server, ServerCnxnFactory connections) {
        this.server = server;
        this.connections = connections;
    }

    static EmbeddedZooKeeper start(Path dataDirectory) throws IOException, InterruptedException {
        ZooKeeperServer server = new ZooKeeperServer(dataDirectory.resolve("snapshots").toFile(),
                dataDirectory.resolve("log").toFile(), TICK_MILLIS);
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 50);
        connections.startup(server);
        return new EmbeddedZooKeeper(server, connections);
    }

    String connectString() {
        return "127.0.0.1:" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
    }
}
