package dev.camelzest.component;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * Fields (MDC) on the component's own log lines, under the names of the headers that camel-mdc puts on the lines of
 * an exchange ({@code CamelZestEventId}, {@code CamelZestErrorId}, ...): a JSON log line then carries them as fields
 * whether the line is the component's or the route's. Closing puts back what the fields replaced. Never a secret.
 */
public final class LogFields implements AutoCloseable {

    private final Map<String, String> replaced = new LinkedHashMap<>();

    private LogFields() {
    }

    /** Sets {@code name, value, name, value, ...}; a null value leaves its name out. */
    public static LogFields of(String... namesAndValues) {
        LogFields fields = new LogFields();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null) {
                fields.replaced.put(namesAndValues[i], MDC.get(namesAndValues[i]));
                MDC.put(namesAndValues[i], value);
            }
        }
        return fields;
    }

    @Override
    public void close() {
        replaced.forEach((name, previous) -> {
            if (previous == null) {
                MDC.remove(name);
            } else {
                MDC.put(name, previous);
            }
        });
    }
}
