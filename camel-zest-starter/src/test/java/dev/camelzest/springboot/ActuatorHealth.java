package dev.camelzest.springboot;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finds the zest: producer's readiness check in an /actuator/health reply. */
final class ActuatorHealth {

    private ActuatorHealth() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> zestCheck(Map<String, Object> health) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).as("health components").isNotNull();
        return components.values().stream()
                .map(component -> (Map<String, Object>) component)
                .filter(component -> String.valueOf(component.get("details")).contains("zest"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no zest check in " + health));
    }
}
