package dev.camelzest.routes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The stand-ins of the test files: the sandbox's random ids put in whole, each once. */
class StandInsTest {

    /** Fails on the replacement one stand-in after the other: {@code sc_b} matched inside the id put in for sc_a. */
    @Test
    void anIdPutInForOneStandInIsNotTakenForAnother() {
        StandIns standIns = StandIns.of(Map.of("sc_a", "sc_b7k2", "sc_b", "sc_q9x1", "veh_1", "veh_2abc",
                "veh_2", "veh_5def"));

        assertThat(standIns.replaceIn("veh_1,sc_a\nveh_2,sc_b\n")).isEqualTo("veh_2abc,sc_b7k2\nveh_5def,sc_q9x1\n");
    }

    @Test
    void onlyWholeStandInsAreReplaced() {
        StandIns standIns = StandIns.of(Map.of("veh_1", "veh_x1"));

        assertThat(standIns.replaceIn("veh_1,veh_10,veh_404,{\"spvSlug\": \"veh_1\"}"))
                .isEqualTo("veh_x1,veh_10,veh_404,{\"spvSlug\": \"veh_x1\"}");
    }

    @Test
    void aStandInWithoutAValueStaysAsItIs() {
        Map<String, String> values = new HashMap<>(Map.of("psn_1", "psn_r4nd"));
        values.put("psn_2", null);

        assertThat(StandIns.of(values).replaceIn("psn_1,psn_2")).isEqualTo("psn_r4nd,psn_2");
    }
}
