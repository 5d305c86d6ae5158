package dev.camelzest.component.model;

/**
 * The multipart body of {@code uploadSubscriptionForm}: the signed form as a {@code File}, {@code Path},
 * {@code InputStream}, {@code byte[]} or Camel {@code GenericFile}; it is streamed.
 */
public record SubscriptionFormUpload(Object file) {
}
