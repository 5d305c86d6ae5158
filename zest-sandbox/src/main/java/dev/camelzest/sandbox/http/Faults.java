package dev.camelzest.sandbox.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The injected faults in force; each matching call uses up one of a fault's count. */
public final class Faults {

    private final List<Remaining> faults = new ArrayList<>();

    public synchronized void add(Fault fault) {
        faults.add(new Remaining(fault, fault.count()));
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** Takes one use of the first fault matching the call, if any (first added, first used). */
    public synchronized Optional<Fault> take(String method, String path) {
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        Iterator<Remaining> it = faults.iterator();
        while (it.hasNext()) {
            Remaining remaining = it.next();
            if (remaining.fault.matches(method, path)) {
                if (--remaining.count == 0) {
                    it.remove();
                }
                return Optional.of(remaining.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> pending() {
        return faults.stream()
                .map(r -> new Fault(r.fault.method(), r.fault.path(), r.fault.status(), r.count,
                        r.fault.delayMs(), r.fault.afterCommit()))
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
