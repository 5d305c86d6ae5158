package dev.camelzest.component.model;

/**
 * A record of Zest's wire format (a request, a reply, an event or its data). Camel's type converters turn it into
 * Zest's JSON: {@code convertBodyTo(String.class)}, {@code Map} or Jackson {@code JsonNode}
 * ({@link dev.camelzest.component.json.ZestJsonConverters}).
 * <p>
 * Not on the upload records (they carry a file) nor on the token records: a credential is not turned into text
 * that a {@code log} step could print.
 */
public interface ZestJsonRecord {
}
