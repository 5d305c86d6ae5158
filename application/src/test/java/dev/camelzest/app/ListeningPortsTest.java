package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ListeningPortsTest {

    @Test
    void aTakenWebhookPortRefusesTheStartNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.getPropertiesComponent().addInitialProperty("zest.webhook.host", "127.0.0.1");
            camel.getPropertiesComponent().addInitialProperty("zest.webhook.port", String.valueOf(taken.getLocalPort()));
            assertThatThrownBy(() -> ListeningPorts.checkFree(new AppProperties(camel.getPropertiesComponent())))
                    .isInstanceOf(StartupRefused.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("zest.webhook.port");
        }
    }

    @Test
    void anHttpServerThatDidNotBindFailsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
            configuration.setBindHost("127.0.0.1");
            configuration.setBindPort(taken.getLocalPort());
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.addService(new VertxPlatformHttpServer(configuration));
            camel.start();
            try {
                assertThatThrownBy(() -> ListeningPorts.checkBound(camel)).isInstanceOf(StartupRefused.class)
                        .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            } finally {
                camel.stop();
            }
        }
    }

    @Test
    void aBoundServerPasses() throws Exception {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addService(new VertxPlatformHttpServer(configuration));
        camel.start();
        try {
            assertThatCode(() -> ListeningPorts.checkBound(camel)).doesNotThrowAnyException();
        } finally {
            camel.stop();
        }
    }
}
