package dev.camelzest.component.http;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How to reach Zest: base URL (without a trailing slash), timeouts, an optional proxy and the TLS settings (the
 * endpoint's own, else the global ones, else the JVM's default when null).
 */
public record HttpSettings(
        String baseUrl, long connectTimeoutMillis, long readTimeoutMillis,
        String proxyHost, Integer proxyPort, String proxyUsername, String proxyPassword,
        SSLContextParameters sslContextParameters) {

    @Override
    public String toString() {
        return "HttpSettings[baseUrl=" + baseUrl + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort + "]";
    }
}
