package dev.camelzest.component.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.camelzest.component.SuiteSecrets;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestEndpoint;
import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Camel context whose zest: component talks to the sandbox of the test class as its default partner. Each test
 * starts from an empty sandbox (data, tokens, faults and request log cleared; partners kept).
 */
abstract class SandboxTestSupport extends CamelTestSupport {

    static final String TOKEN_PATH = "/v1/oauth2/tokens";

    abstract ZestSandboxExtension sandbox();

    SandboxAdminClient admin() {
        return sandbox().admin();
    }

    @BeforeEach
    void startFromAnEmptySandbox() {
        admin().reset();
        PartnerCredentials partner = sandbox().partner();
        SuiteSecrets.register(partner.privateKeyPem());
        SuiteSecrets.register(partner.privateKeyJwk());
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        PartnerCredentials partner = sandbox().partner();
        ZestComponent zest = new ZestComponent();
        ZestConfiguration configuration = zest.getConfiguration();
        configuration.setBaseUrl(sandbox().baseUrl());
        configuration.setAudience(sandbox().audience());
        configuration.setClientId(partner.clientId());
        configuration.setIssuer(partner.issuer());
        configuration.setPrivateKey(partner.privateKeyPem());
        registry.bind("zest", zest);
    }

    /** Whatever access tokens the test's endpoints hold are secrets that the suite's log must not contain. */
    @AfterEach
    void registerTokensAsSecrets() {
        context.getEndpoints().stream()
                .filter(ZestEndpoint.class::isInstance)
                .map(endpoint -> ((ZestEndpoint) endpoint).getClient())
                .filter(client -> client != null && client.hasCredentials())
                .forEach(client -> {
                    try {
                        SuiteSecrets.register(client.tokens().accessToken());
                    } catch (ZestApiException ignored) {
                        // no token to register
                    }
                });
    }

    List<SandboxAdminClient.RecordedRequest> requests(String method, Predicate<String> path) {
        return admin().requests().stream()
                .filter(request -> request.method().equals(method) && path.test(request.path()))
                .toList();
    }

    long tokenExchanges() {
        return requests("POST", TOKEN_PATH::equals).size();
    }

    static ZestApiException zestFailure(Executable call) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, call);
        return assertInstanceOf(ZestApiException.class, e.getCause());
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> json, String... path) {
        Object current = json;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
