package dev.camelzest.sandbox.webhook;

import java.time.Instant;
import java.util.Map;

/** Where the sandbox's business operations announce a lifecycle event (sandbox README, *Event payloads*). */
public interface EventPublisher {
    void publish(String eventType, Map<String, Object> data, Instant occurredAt);
}
