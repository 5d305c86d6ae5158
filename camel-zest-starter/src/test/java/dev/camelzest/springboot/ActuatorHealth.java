package dev.camelzest.springboot;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zest: producer's readiness check in an /actuator/health reply: Camel's health indicator lists each check by id
 * ({@code producer:zest-<endpoint>}, its status) with its details beside it ({@code <id>.data}).
 */
final class ActuatorHealth {

    private ActuatorHealth() {
    }

    record Check(String id, String status, Map<String, Object> data) {
    }

    @SuppressWarnings("unchecked")
    static Check zestCheck(Map<String, Object> health) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).as("health components").containsKey("camelHealth");
        Map<String, Object> camel = (Map<String, Object>) ((Map<String, Object>) components.get("camelHealth"))
                .get("details");
        return camel.keySet().stream()
                .filter(id -> id.startsWith("producer:zest-") && !id.endsWith(".data"))
                .findFirst()
                .map(id -> new Check(id, String.valueOf(camel.get(id)), (Map<String, Object>) camel.get(id + ".data")))
                .orElseThrow(() -> new AssertionError("no zest producer check in " + camel.keySet()));
    }
}
