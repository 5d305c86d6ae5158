package dev.camelzest.component.http;

import javax.net.ssl.SSLContext;

/** How to reach Zest: base URL, timeouts, an optional proxy and the TLS context. */
public record HttpSettings(
        String baseUrl, long connectTimeoutMillis, long readTimeoutMillis,
        String proxyHost, Integer proxyPort, String proxyUsername, String proxyPassword,
        SSLContext sslContext) {

    @Override
    public String toString() {
        return "HttpSettings[baseUrl=" + baseUrl + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort + "]";
    }
}
