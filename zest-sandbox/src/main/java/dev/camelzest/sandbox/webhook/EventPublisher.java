package dev.camelzest.sandbox.webhook;

import java.time.Instant;
import java.util.Map;

/** Where the sandbox's business operations announce a lifecycle event (FACTS.md §6.3). */
public interface EventPublisher {
    void publish(String eventType, Map<String, Object> data, Instant occurredAt);
}
