package dev.camelzest.component.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** Reply of {@code uploadSubscriptionForm}; the URL is a time-limited signed link. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormUploadResponse(
        String subscriptionSlug, String spvSlug, String personId, String subscriptionFormUrl, @ZestTimestamp Instant uploadedAt) implements ZestJsonRecord {
}
