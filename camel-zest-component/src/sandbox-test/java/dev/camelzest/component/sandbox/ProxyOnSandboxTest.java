package dev.camelzest.component.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proxy options in use: WireMock as a forward HTTP proxy on loopback between the component and the sandbox.
 * Both the token exchange and the API call go through it, to the sandbox's address.
 */
class ProxyOnSandboxTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @RegisterExtension
    static final WireMockExtension PROXY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").enableBrowserProxying(true))
            .build();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Test
    void everyCallToZestGoesThroughTheConfiguredProxy() {
        String uri = "zest:tokenInfo?proxyHost=127.0.0.1&proxyPort=" + PROXY.getPort();

        InfoResponse info = template.requestBody(uri, null, InfoResponse.class);

        assertEquals(SANDBOX.partner().clientId(), info.clientId());
        List<LoggedRequest> proxied = PROXY.findAll(anyRequestedFor(anyUrl()));
        assertEquals(List.of("POST " + SANDBOX.baseUrl() + "/v1/oauth2/tokens",
                "GET " + SANDBOX.baseUrl() + "/v1/oauth2/info"),
                proxied.stream().map(request -> request.getMethod() + " " + request.getAbsoluteUrl()).toList());
        assertEquals(2, admin().requests().size(), "the sandbox answered both, through the proxy");
    }
}
