package dev.camelzest.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Component defaults, endpoint overrides, placeholders, validation and client sharing; no server needed. */
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

        assertEquals(ZestOperation.createSubscriptions, plain.getConfiguration().getOperation());
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
    void endpointsWithEqualConnectionSettingsShareOneClient() throws Exception {
        String credentials = "&clientId=c1&issuer=https://partner.example.com&privateKey=RAW(" + keys.privateKeyPem() + ")";
        ZestEndpoint first = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL + credentials, ZestEndpoint.class);
        ZestEndpoint second = context.getEndpoint("zest:getSpvRequest?slug=svr_1&baseUrl=" + LOCAL + credentials,
                ZestEndpoint.class);
        ZestEndpoint otherClient = context.getEndpoint("zest:tokenInfo?baseUrl=" + LOCAL
                                                       + credentials.replace("c1", "c2"), ZestEndpoint.class);
        first.start();
        second.start();
        otherClient.start();

        assertSame(first.getClient(), second.getClient(), "one pool and one token for one configuration");
        assertNotSame(first.getClient(), otherClient.getClient());
        assertEquals(2, component().clientCount());

        first.stop();
        assertEquals(2, component().clientCount(), "still used by the second endpoint");
        second.stop();
        otherClient.stop();
        assertEquals(0, component().clientCount());
        assertNull(first.getClient());
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
