package dev.camelzest.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.fixtures.time.MutableClock;
import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token refresh against the sandbox on one clock the test moves for both: the new token is fetched a minute
 * before the old one expires, while the old one is still accepted, whatever the machine's speed.
 */
class TokenRefreshOnSandboxTest {

    private static final Instant START = Instant.parse("2026-05-07T12:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(b -> b.clock(CLOCK)
            .tokenTtl(Duration.ofHours(1)));

    @Test
    void anHourTokenIsRefreshedAMinuteBeforeItExpiresNeverAfter() throws Exception {
        SANDBOX.admin().reset();
        PartnerCredentials partner = SANDBOX.partner();
        SuiteSecrets.register(partner.privateKeyPem());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            ZestComponent zest = new ZestComponent();
            zest.useClock(CLOCK);
            zest.getConfiguration().setBaseUrl(SANDBOX.baseUrl());
            zest.getConfiguration().setAudience(SANDBOX.audience());
            zest.getConfiguration().setClientId(partner.clientId());
            zest.getConfiguration().setIssuer(partner.issuer());
            zest.getConfiguration().setPrivateKey(partner.privateKeyPem());
            camel.addComponent("zest", zest);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Instant expiry = START.plus(Duration.ofHours(1));

            template.requestBody("zest:tokenInfo", null, InfoResponse.class);
            CLOCK.set(expiry.minusSeconds(61));
            template.requestBody("zest:tokenInfo", null, InfoResponse.class);
            assertEquals(1, exchanges().size(), "well before expiry the token is reused");

            CLOCK.set(expiry.minusSeconds(60));
            template.requestBody("zest:tokenInfo", null, InfoResponse.class);

            List<RecordedRequest> exchanges = exchanges();
            assertEquals(2, exchanges.size());
            assertEquals(START, exchanges.get(0).at());
            assertTrue(exchanges.get(1).at().isBefore(expiry), "fetched before the first token expired");
            assertEquals(expiry.minusSeconds(60), exchanges.get(1).at());
            assertTrue(SANDBOX.admin().requests().stream().filter(r -> r.path().equals("/v1/oauth2/info"))
                    .allMatch(r -> r.status() == 200), "no call was sent with an expired token");
            SuiteSecrets.register(camel.getEndpoint("zest:tokenInfo", ZestEndpoint.class).getClient().tokens()
                    .accessToken());
        } finally {
            CLOCK.set(START);
        }
    }

    private static List<RecordedRequest> exchanges() {
        return SANDBOX.admin().requests().stream().filter(r -> r.path().equals("/v1/oauth2/tokens")).toList();
    }
}
