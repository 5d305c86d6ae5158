package dev.camelzest.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import dev.camelzest.component.http.HttpSettings;
import dev.camelzest.component.http.ZestHttpClient;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.operation.ZestOperationHandlers;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Component defaults, endpoint overrides, placeholders, validation, client ownership and token sharing; no server needed. */
class ZestConfigurationTest extends CamelTestSupport {

    private static final String LOCAL = "http://127.0.0.1:9";

    @TempDir
    Path keyDir;

    private static final TestKeys.PemPair keys = TestKeys.pemPair();


    private ZestComponent component() {
        return context.getComponent("zest", ZestComponent.class);
    }

    @Test
    void endpointsCopyTheComponentDefaultsAndOverrideThemLocally() {
        ZestConfiguration defaults = component().getConfiguration();
        defaults.setBaseUrl(LOCAL);
        defaults.setMaxBatchSize(250);
        defaults.setSpvSlug("veh_default");

        ZestEndpoint plain = context.getEndpoint("zest:createSubscriptions", ZestEndpoint.class);
        ZestEndpoint overriding = context.getEndpoint(
                "zest:createSubscriptions?spvSlug=veh_other&maxBatchSize=10&readTimeout=5s", ZestEndpoint.class);

        assertEquals(ZestOperation.createSubscriptions, plain.getOperation());
        assertEquals(LOCAL, plain.getConfiguration().getBaseUrl());
        assertEquals(250, plain.getConfiguration().getMaxBatchSize());
        assertEquals("veh_default", plain.getConfiguration().getSpvSlug());
        assertEquals("veh_other", overriding.getConfiguration().getSpvSlug());
        assertEquals(10, overriding.getConfiguration().getMaxBatchSize());
        assertEquals(5000, overriding.getConfiguration().getReadTimeout());
        assertEquals("veh_default", defaults.getSpvSlug(), "an endpoint never changes the component's defaults");
        assertNotSame(defaults, plain.getConfiguration());
    }

    @Test
    void theWebhookEndpointNeedsASecretAndTakesSeveral() {
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("zest:events"));
        ZestEndpoint events = context.getEndpoint(
                "zest:events?webhookSecret=RAW(whsec_a1, whsec_b2)&signatureTolerance=2m&eventTypes=investor.created",
                ZestEndpoint.class);

        assertEquals(java.util.List.of("whsec_a1", "whsec_b2"), events.getConfiguration().webhookSecrets());
        assertEquals(120_000, events.getConfiguration().getSignatureTolerance());
        assertEquals(java.util.Set.of("investor.created"), events.getConfiguration().eventTypeFilter());
        assertThrows(IllegalArgumentException.class, events::createProducer, "events is no operation to call");
        assertTrue(events.isWebhook());
        assertNull(events.getOperation());
    }

    @Test
    void everyOperationHasAHandler() {
        ZestOperationHandlers handlers = new ZestOperationHandlers();
        for (ZestOperation operation : ZestOperation.values()) {
            assertNotNull(handlers.forOperation(operation), operation.name());
        }
    }

    @Test
    void operationsAreNotWebhookEndpoints() {
        ZestEndpoint root = context.getEndpoint("zest:root?baseUrl=" + LOCAL, ZestEndpoint.class);
        assertFalse(root.isWebhook());
        assertThrows(IllegalArgumentException.class, () -> root.createWebhookHandler(exchange -> {
        }));
    }

    @Test
    void toStringMasksEverySecret() {
        ZestConfiguration configuration = new ZestConfiguration();
        configuration.setWebhookSecret("whsec_do_not_print_me");
        configuration.setPrivateKey("-----BEGIN PRIVATE KEY----- abc");
        configuration.setProxyPassword("proxy-pass-do-not-print");

        String text = configuration.toString();
        assertFalse(text.contains("do_not_print") || text.contains("PRIVATE") || text.contains("proxy-pass"), text);
    }

    @Test
    void copyIsIndependent() {
        ZestConfiguration original = new ZestConfiguration();
        original.setClientId("a");
        ZestConfiguration copy = original.copy();
        copy.setClientId("b");
        assertEquals("a", original.getClientId());
        assertEquals("https://api.zestequity.com", copy.getBaseUrl());
        assertEquals("https://api.zestequity.com", copy.effectiveAudience(), "audience defaults to the base URL");
    }

    @Test
    void resolvesPlaceholdersAndAKeyFileReference() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("zest.client-id", "client_from_placeholder");
        properties.setProperty("zest.private-key", keys.privateKeyPem());
        context.getPropertiesComponent().setOverrideProperties(properties);
        Path keyFile = Files.writeString(keyDir.resolve("zest.pem"), keys.privateKeyPem());
        ZestEndpoint fromPlaceholder = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL
                                                           + "&clientId={{zest.client-id}}&issuer=https://partner.example.com"
                                                           + "&privateKey=RAW({{zest.private-key}})",
                ZestEndpoint.class);
        ZestEndpoint fromFile = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL + "&clientId=c&issuer=i"
                                                    + "&privateKey=file:" + keyFile, ZestEndpoint.class);

        assertEquals("client_from_placeholder", fromPlaceholder.getConfiguration().getClientId());
        fromPlaceholder.start();
        fromFile.start();
        try {
            assertTrue(fromPlaceholder.getClient().hasCredentials());
            assertTrue(fromFile.getClient().hasCredentials(), "the key file was read and parsed");
        } finally {
            fromPlaceholder.stop();
            fromFile.stop();
        }
    }

    @Test
    void eachEndpointOwnsItsClientAndEqualSettingsShareOneToken() throws Exception {
        String credentials = "&clientId=c1&issuer=https://partner.example.com&privateKey=RAW(" + keys.privateKeyPem() + ")";
        ZestEndpoint first = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL + credentials, ZestEndpoint.class);
        ZestEndpoint second = context.getEndpoint("zest:getSpvRequest?slug=svr_1&baseUrl=" + LOCAL + "/" + credentials,
                ZestEndpoint.class);
        ZestEndpoint otherPartner = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL
                                                        + credentials.replace("c1", "c2"), ZestEndpoint.class);
        first.start();
        second.start();
        otherPartner.start();

        assertNotSame(first.getClient(), second.getClient(), "a client per endpoint");
        assertSame(first.getClient().tokens(), second.getClient().tokens(),
                "one token for one partner (a trailing slash on the base URL is the same Zest)");
        assertNotSame(first.getClient().tokens(), otherPartner.getClient().tokens());
        assertEquals(2, component().tokenCacheCount());

        ZestClient firstClient = first.getClient();
        first.stop();
        assertNull(first.getClient());
        assertThrows(IllegalStateException.class, () -> callRoot(firstClient), "the endpoint closed its own client");
        assertEquals(ZestApiException.CONNECTION_FAILED, assertThrows(ZestApiException.class,
                () -> callRoot(second.getClient())).getCode(), "the other endpoints' clients stay open");
        second.stop();
        otherPartner.stop();
    }

    @Test
    void aSuppliedClientIsUsedAndLeftOpen() throws Exception {
        ZestEndpoint endpoint = context.getEndpoint("zest:root?baseUrl=" + LOCAL, ZestEndpoint.class);
        ZestHttpClient http = ZestHttpClient.create(new HttpSettings(LOCAL, 1000, 1000, null, null, null, null, null),
                SSLContext.getDefault(), ZestJson.newObjectMapper());
        try (ZestClient supplied = new ZestClient(http, null, null, ZestJson.newObjectMapper())) {
            endpoint.setClient(supplied);
            endpoint.start();
            assertSame(supplied, endpoint.getClient());
            endpoint.stop();

            assertEquals(ZestApiException.CONNECTION_FAILED,
                    assertThrows(ZestApiException.class, () -> callRoot(supplied)).getCode(), "not closed by the endpoint");
        }
    }

    private static void callRoot(ZestClient client) throws ZestApiException {
        client.call("root", ZestRequest.get(List.of()).build());
    }

    @Test
    void endpointsWithoutCredentialsCanCallThePublicOperations() throws Exception {
        ZestEndpoint endpoint = context.getEndpoint("zest:healthCheck?baseUrl=" + LOCAL, ZestEndpoint.class);
        endpoint.start();
        try {
            assertFalse(endpoint.getClient().hasCredentials());
            assertEquals(LOCAL, endpoint.getServiceUrl());
            assertEquals("http", endpoint.getServiceProtocol());
        } finally {
            endpoint.stop();
        }
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertInvalid("zest:sendMoney", "Unknown Zest operation 'sendMoney'");
        assertInvalid("zest:root?baseUrl=ftp://zest", "baseUrl must be an http(s) URL");
        assertInvalid("zest:root?baseUrl=https://api.zestequity.com/v1", "without /v1");
        assertInvalid("zest:tokenInfo?clientId=c", "clientId, issuer and privateKey must be configured together");
        assertInvalid("zest:listSpvRequests?perPage=101", "perPage must be between 1 and 100");
        assertInvalid("zest:bulkCreateInvestors?maxBatchSize=0", "maxBatchSize must be at least 1");
    }

    private void assertInvalid(String uri, String message) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        assertTrue(String.valueOf(cause.getMessage()).contains(message), cause.getMessage());
    }
}
