package dev.camelzest.component;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.camelzest.component.model.FormUploadResponse;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload bodies as routes produce them, and the checks that refuse a file before anything is sent. */
class ZestUploadTest extends CamelTestSupport {

    @RegisterExtension
    static final WireMockExtension ZEST = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String FORMS = "/v1/spvs/veh_1/subscription/psn_1/forms";
    private static final TestKeys.PemPair KEYS = TestKeys.pemPair();

    @TempDir
    static Path inbox;

    @BindToRegistry("zest")
    private final ZestComponent zest = component();

    private static ZestComponent component() {
        ZestComponent component = new ZestComponent();
        component.getConfiguration().setBaseUrl(ZEST.baseUrl());
        component.getConfiguration().setClientId("client_xyz");
        component.getConfiguration().setIssuer("https://partner.example.com");
        component.getConfiguration().setPrivateKey(KEYS.privateKeyPem());
        component.getConfiguration().setSpvSlug("veh_1");
        component.getConfiguration().setPersonId("psn_1");
        return component;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=50&move=done")
                        .to("zest:uploadSubscriptionForm")
                        .to("mock:uploaded");
            }
        };
    }

    @Test
    void uploadsWhatTheFileConsumerPicksUpWithTheTypeReadFromItsContent() throws Exception {
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(okJson("{\"accessToken\":\"t-0001\",\"expiresIn\":3600}")));
        SuiteSecrets.register("t-0001");
        ZEST.stubFor(post(urlPathEqualTo(FORMS))
                .withMultipartRequestBody(aMultipart("file").withHeader("Content-Type", equalTo("image/png")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"subscriptionSlug":"sub_1","spvSlug":"veh_1","personId":"psn_1",
                         "subscriptionFormUrl":"https://storage.example/f.png","uploadedAt":"2026-05-07T15:05:42Z"}""")));
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedMessageCount(1);

        // a PNG scan saved with a .pdf name: the part says image/png, as its bytes do
        Files.write(inbox.resolve("signed-form.pdf"),
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });

        uploaded.assertIsSatisfied();
        FormUploadResponse reply = uploaded.getExchanges().get(0).getMessage().getBody(FormUploadResponse.class);
        assertEquals("sub_1", reply.subscriptionSlug());
        assertEquals(201, uploaded.getExchanges().get(0).getMessage().getHeader(ZestConstants.HTTP_STATUS));
        assertTrue(ZEST.findAll(anyRequestedFor(urlPathEqualTo(FORMS))).get(0).getBodyAsString()
                .contains("filename=\"signed-form.pdf\""));
    }

    @Test
    void refusesTooLargeAndUnsupportedFilesWithoutCallingZest(@TempDir Path dir) throws Exception {
        Path large = dir.resolve("receipt.pdf");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(11L * 1024 * 1024);
        }
        Path textAsPdf = Files.writeString(dir.resolve("form.pdf"), "plain text renamed to .pdf\n");

        ZestApiException tooLarge = failure(large.toFile());
        ZestApiException notAPdf = failure(textAsPdf);
        ZestApiException empty = failure(new byte[0]);
        ZestApiException notAFile = failure("just a string");

        assertEquals("payload_too_large", tooLarge.getCode());
        assertEquals("unsupported_media_type", notAPdf.getCode());
        assertEquals("invalid_request", empty.getCode());
        assertEquals("invalid_request", notAFile.getCode());
        assertEquals(ZestApiException.NO_RESPONSE, tooLarge.getStatusCode());
        assertTrue(tooLarge.getMessage().contains("at most 10485760 bytes"), tooLarge.getMessage());
        assertEquals(0, ZEST.findAll(anyRequestedFor(anyUrl())).size(), "not even a token was asked for");
    }

    @Test
    void abortsAStreamOfUnknownLengthOnceItPassesTheLimit() {
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(okJson("{\"accessToken\":\"t-0002\",\"expiresIn\":3600}")));
        SuiteSecrets.register("t-0002");
        byte[] pdf = new byte[64 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, pdf, 0, 9);

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                "zest:uploadSubscriptionForm?maxUploadSize=1000", new java.io.ByteArrayInputStream(pdf)));

        ZestApiException failure = assertInstanceOf(ZestApiException.class, e.getCause());
        assertEquals("payload_too_large", failure.getCode());
    }

    private ZestApiException failure(Object body) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders("zest:uploadSubscriptionForm", body, Map.of()));
        return assertInstanceOf(ZestApiException.class, e.getCause());
    }
}
