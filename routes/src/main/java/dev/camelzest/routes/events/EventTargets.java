package dev.camelzest.routes.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each event type goes: {@code eventType=uri} entries separated by white space (URIs hold none), and a
 * default for every other type. Without either, an event is only recorded in the ledger.
 */
public final class EventTargets {

    private final Map<String, String> byType;
    private final String defaultTarget;

    private EventTargets(Map<String, String> byType, String defaultTarget) {
        this.byType = byType;
        this.defaultTarget = defaultTarget == null || defaultTarget.isBlank() ? null : defaultTarget.trim();
    }

    public static EventTargets parse(String targets, String defaultTarget) {
        Map<String, String> byType = new LinkedHashMap<>();
        if (targets != null) {
            for (String entry : targets.trim().split("\\s+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals < 1 || equals == entry.length() - 1) {
                    throw new IllegalArgumentException(
                            "targets entries are eventType=uri, separated by white space; got '" + entry + "'");
                }
                byType.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return new EventTargets(Map.copyOf(byType), defaultTarget);
    }

    public Optional<String> forType(String eventType) {
        return Optional.ofNullable(byType.getOrDefault(eventType, defaultTarget));
    }
}
