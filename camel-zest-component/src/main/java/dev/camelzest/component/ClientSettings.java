package dev.camelzest.component;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options that make one Zest client: endpoints whose settings are equal share one client, hence one connection
 * pool and one access token.
 */
record ClientSettings(
        String baseUrl, String audience, String clientId, String issuer, String privateKey,
        long connectTimeout, long readTimeout,
        String proxyHost, Integer proxyPort, String proxyUsername, String proxyPassword,
        SSLContextParameters sslContextParameters) {

    static ClientSettings of(ZestConfiguration configuration) {
        return new ClientSettings(
                configuration.getBaseUrl(), configuration.effectiveAudience(), configuration.getClientId(),
                configuration.getIssuer(), configuration.getPrivateKey(),
                configuration.getConnectTimeout(), configuration.getReadTimeout(),
                configuration.getProxyHost(), configuration.getProxyPort(), configuration.getProxyUsername(),
                configuration.getProxyPassword(), configuration.getSslContextParameters());
    }

    boolean hasCredentials() {
        return clientId != null && issuer != null && privateKey != null;
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", audience=" + audience + ", clientId=" + clientId + "]";
    }
}
