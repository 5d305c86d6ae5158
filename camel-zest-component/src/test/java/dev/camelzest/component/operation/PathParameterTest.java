package dev.camelzest.component.operation;

import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.camelzest.component.TestComponents;
import dev.camelzest.component.TestKeys;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.ZestConstants;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Path parameters from headers or files are checked against Zest's id shapes before anything is sent. */
class PathParameterTest extends CamelTestSupport {

    @RegisterExtension
    static final WireMockExtension ZEST = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String TOKEN = "opaque-access-token-path-0001";

    @BindToRegistry("zest")
    private final ZestComponent zest = TestComponents.withCredentials(ZEST.baseUrl(), TestKeys.pemPair(), TOKEN);

    @BeforeEach
    void answerEverything() {
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(okJson("{\"accessToken\":\"" + TOKEN + "\",\"expiresIn\":3600}")));
        ZEST.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
                .atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{}")));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("getSpvRequest", ZestConstants.SLUG, ".."),
                Arguments.of("cancelSpvRequest", ZestConstants.SLUG, "."),
                Arguments.of("cancelSpvRequest", ZestConstants.SLUG, "svr_1/../other"),
                Arguments.of("getSpvRequest", ZestConstants.SLUG, "svr_1?status=approved"),
                Arguments.of("getSpvRequest", ZestConstants.SLUG, "svr_1%2F..%2Fx"),
                Arguments.of("getSpvRequest", ZestConstants.SLUG, "svr_1\nHost: evil"),
                Arguments.of("getSpvRequest", ZestConstants.SLUG, "s".repeat(101)),
                Arguments.of("createSubscriptions", ZestConstants.SPV_SLUG, ".."),
                Arguments.of("uploadSubscriptionForm", ZestConstants.PERSON_ID, ".."),
                Arguments.of("listTemplates", ZestConstants.VERSION, ".."),
                Arguments.of("listTemplates", ZestConstants.VERSION, "1.0.0/.."),
                Arguments.of("listTemplates", ZestConstants.VERSION, "1..0"),
                Arguments.of("getTemplate", ZestConstants.NAME, ".."));
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @MethodSource("badValues")
    void aValueOutsideTheShapeIsRefusedWithNoCallMade(String operation, String header, String value) {
        Exchange result = template.request("zest:" + operation, exchange -> {
            exchange.getMessage().setHeaders(Map.of(ZestConstants.SLUG, "svr_a1b2c3", ZestConstants.SPV_SLUG, "veh_klm456",
                    ZestConstants.PERSON_ID, "psn_abc123", ZestConstants.VERSION, "1.0.0",
                    ZestConstants.NAME, "syndicate_secondary"));
            exchange.getMessage().setHeader(header, value);
            exchange.getMessage().setBody("[]");
        });

        ZestApiException failure = assertInstanceOf(ZestApiException.class, result.getException());
        assertEquals("invalid_request", failure.getCode());
        assertEquals(ZestApiException.NO_RESPONSE, failure.getStatusCode());
        assertFalse(failure.getMessage().contains(value), "the bad value is not echoed: " + failure.getMessage());
        assertTrue(ZEST.getAllServeEvents().isEmpty(), "no request reached Zest, not even a token exchange");
    }

    @Test
    void zestShapedValuesAreSent() {
        Exchange slug = template.request("zest:getSpvRequest",
                exchange -> exchange.getMessage().setHeader(ZestConstants.SLUG, "svr_a1b2c3"));
        Exchange template2 = template.request("zest:getTemplate", exchange -> {
            exchange.getMessage().setHeader(ZestConstants.VERSION, "1.0.0");
            exchange.getMessage().setHeader(ZestConstants.NAME, "syndicate_secondary");
        });

        assertNull(slug.getException());
        assertNull(template2.getException());
        ZEST.verify(getRequestedFor(urlEqualTo("/v1/spv-requests/svr_a1b2c3")));
        ZEST.verify(getRequestedFor(urlEqualTo("/v1/contracts/templates/1.0.0/syndicate_secondary")));
    }
}
