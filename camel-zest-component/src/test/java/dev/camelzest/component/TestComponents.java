package dev.camelzest.component;

/** zest: components for tests against a stub Zest. */
public final class TestComponents {

    private TestComponents() {
    }

    /**
     * A component calling {@code baseUrl} as the partner {@code client_xyz} with these keys; {@code token} is the
     * access token the stub hands out, a secret the suite's log must not contain.
     */
    public static ZestComponent withCredentials(String baseUrl, TestKeys.PemPair keys, String token) {
        SuiteSecrets.register(token);
        ZestComponent component = new ZestComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setClientId("client_xyz");
        component.getConfiguration().setIssuer("https://partner.example.com");
        component.getConfiguration().setPrivateKey(keys.privateKeyPem());
        return component;
    }
}
