package dev.camelzest.component.model;

/** The form body of the token exchange (RFC 7523). {@link #toString()} never shows the assertion. */
public record JwtAssertionGrant(String grantType, String assertion) {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static JwtAssertionGrant of(String assertion) {
        return new JwtAssertionGrant(JWT_BEARER, assertion);
    }

    @Override
    public String toString() {
        return "JwtAssertionGrant[grantType=" + grantType + ", assertion=***]";
    }
}
