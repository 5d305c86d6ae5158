package dev.camelzest.component.http;

import java.util.List;

import javax.net.ssl.SSLContext;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.json.ZestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Zest's replies are read up to a bound: a larger one fails the call instead of filling the heap or being cut. */
class ZestHttpClientTest {

    private static final int LIMIT = 1024;

    @RegisterExtension
    static final WireMockExtension ZEST = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private ZestResponse call(String path) throws Exception {
        HttpSettings settings = new HttpSettings(ZEST.baseUrl(), 2_000, 5_000, null, null, null, null, null);
        try (ZestHttpClient client = ZestHttpClient.create(settings, SSLContext.getDefault(), ZestJson.objectMapper(), LIMIT)) {
            return client.execute("healthCheck", ZestRequest.get(List.of(path)).build(), null);
        }
    }

    @Test
    void readsARepliesUpToTheLimit() throws Exception {
        ZEST.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody("x".repeat(LIMIT))));

        assertEquals(LIMIT, call("small").body().length);
    }

    @Test
    void aLongerReplyFailsTheCallWhetherItsLengthIsAnnouncedOrNot() {
        ZEST.stubFor(get("/announced").willReturn(aResponse().withStatus(200).withBody("x".repeat(LIMIT + 1))));
        ZEST.stubFor(get("/chunked").willReturn(aResponse().withStatus(200).withBody("x".repeat(4 * LIMIT))
                .withChunkedDribbleDelay(4, 20)));

        for (String path : List.of("announced", "chunked")) {
            ZestApiException failure = assertThrows(ZestApiException.class, () -> call(path), path);
            assertEquals("response_too_large", failure.getCode(), path);
            assertEquals(200, failure.getStatusCode(), path);
            assertFalse(failure.isRetryable(), path);
        }
    }
}
