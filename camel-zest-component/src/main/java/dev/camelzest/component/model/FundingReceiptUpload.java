package dev.camelzest.component.model;

/**
 * The multipart body of {@code uploadFundingReceipt}: the wire metadata and the receipt. {@code file} is a
 * {@code File}, {@code Path}, {@code InputStream}, {@code byte[]} or Camel {@code GenericFile}; it is streamed.
 */
public record FundingReceiptUpload(String amount, String currency, String wireReference, Object file) {
}
