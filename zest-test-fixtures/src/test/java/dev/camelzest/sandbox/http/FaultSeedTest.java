package dev.camelzest.sandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A fault mix is a function of its seed: the same seed strikes the same calls, so a failed run can be replayed. */
class FaultSeedTest {

    @Test
    void theSameSeedStrikesTheSameCallsAnotherSeedOthers() {
        assertEquals(struck(42), struck(42));
        assertNotEquals(struck(42), struck(43));
    }

    @Test
    void eachRateDrawsOnlyForTheCallsTheFaultsBeforeItLeft() {
        List<String> mix = struck(7);
        long pre = mix.stream().filter("503-before"::equals).count();
        long post = mix.stream().filter("503-after"::equals).count();
        // 400 calls at 10% and then 5% of the rest: both faults strike, the first more often
        assertEquals(400, mix.size());
        assertEquals(true, pre > post && post > 0, mix::toString);
    }

    private static List<String> struck(long seed) {
        Faults faults = new Faults(seed);
        faults.add(new Fault("POST", "/v1/investors", 503, 1_000_000, 0, false, 0.10));
        faults.add(new Fault("POST", "/v1/investors", 503, 1_000_000, 0, true, 0.05));
        List<String> outcomes = new ArrayList<>();
        for (int call = 0; call < 400; call++) {
            outcomes.add(faults.take("POST", "/v1/investors")
                    .map(fault -> fault.afterCommit() ? "503-after" : "503-before").orElse("ok"));
        }
        return outcomes;
    }
}
