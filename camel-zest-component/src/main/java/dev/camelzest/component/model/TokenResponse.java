package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Reply of the token exchange. The docs describe {@code {accessToken, tokenType, expiresIn}}, the OpenAPI document
 * {@code {accessToken, refreshToken}}: both shapes are accepted, and a missing {@code expiresIn} means the documented
 * default lifetime of one hour. {@link #toString()} never shows the tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(
        @JsonAlias("access_token") String accessToken,
        @JsonAlias("token_type") String tokenType,
        @JsonAlias("expires_in") Long expiresIn,
        @JsonAlias("refresh_token") String refreshToken) {

    public static final long DEFAULT_EXPIRES_IN_SECONDS = 3600;

    /** The lifetime in seconds, the documented default when Zest did not say. */
    public long expiresInOrDefault() {
        return expiresIn != null && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS;
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn
               + ", refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
