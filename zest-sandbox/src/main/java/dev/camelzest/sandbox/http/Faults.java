package dev.camelzest.sandbox.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The injected faults in force; each matching call uses up one of a fault's count. The draws of faults with a
 * rate below 1 come from one random sequence of a given seed: the n-th matching call meets the same draws in every
 * run with that seed, so a failing fault mix can be replayed.
 */
public final class Faults {

    private final List<Remaining> faults = new ArrayList<>();
    private final Random draws;
    /** Lets the common case, no fault at all, pass without taking the lock. */
    private volatile boolean none = true;

    public Faults(long seed) {
        this.draws = new Random(seed);
    }

    public synchronized void add(Fault fault) {
        faults.add(new Remaining(fault, fault.count()));
        none = false;
    }

    public synchronized void clear() {
        faults.clear();
        none = true;
    }

    /** Takes one use of the first fault matching and striking the call, if any (first added, first used). */
    public Optional<Fault> take(String method, String path) {
        return none ? Optional.empty() : takeLocked(method, path);
    }

    private synchronized Optional<Fault> takeLocked(String method, String path) {
        Iterator<Remaining> it = faults.iterator();
        while (it.hasNext()) {
            Remaining remaining = it.next();
            if (remaining.fault.matches(method, path)
                    && remaining.fault.strikes(draws.nextDouble())) {
                if (--remaining.count == 0) {
                    it.remove();
                    none = faults.isEmpty();
                }
                return Optional.of(remaining.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> pending() {
        return faults.stream()
                .map(r -> new Fault(r.fault.method(), r.fault.path(), r.fault.status(), r.count,
                        r.fault.delayMs(), r.fault.afterCommit(), r.fault.rate()))
                .toList();
    }

    private static final class Remaining {
        private final Fault fault;
        private int count;

        Remaining(Fault fault, int count) {
            this.fault = fault;
            this.count = count;
        }
    }
}
