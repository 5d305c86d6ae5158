package dev.camelzest.component;

import dev.camelzest.component.http.HttpSettings;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options that make one Zest client, copied once from the endpoint's configuration: how to reach Zest, and the
 * credentials when all of them are configured (null otherwise). Endpoints whose settings are equal share one access
 * token.
 */
record ClientSettings(HttpSettings http, Credentials credentials) {

    /** The partner's identity at Zest; {@link #toString()} never shows the key. */
    record Credentials(String audience, String clientId, String issuer, String privateKey) {
        @Override
        public String toString() {
            return "Credentials[audience=" + audience + ", clientId=" + clientId + ", issuer=" + issuer + "]";
        }
    }

    static ClientSettings of(ZestConfiguration configuration, SSLContextParameters globalSslContextParameters) {
        SSLContextParameters ssl = configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters() : globalSslContextParameters;
        HttpSettings http = new HttpSettings(
                configuration.effectiveBaseUrl(), configuration.getConnectTimeout(), configuration.getReadTimeout(),
                configuration.getProxyHost(), configuration.getProxyPort(), configuration.getProxyUsername(),
                configuration.getProxyPassword(), ssl);
        Credentials credentials = configuration.hasCredentials()
                ? new Credentials(configuration.effectiveAudience(), configuration.getClientId(),
                        configuration.getIssuer(), configuration.getPrivateKey())
                : null;
        return new ClientSettings(http, credentials);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + http + ", " + credentials + "]";
    }
}
