package dev.camelzest.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every Zest API call the sandbox answered, in the order the answers were sent. Bounded: the oldest
 * entries are dropped beyond {@link #CAPACITY}, so a bulk benchmark cannot exhaust memory.
 */
public final class RequestLog {

    public static final int CAPACITY = 100_000;

    private final ConcurrentLinkedDeque<RecordedCall> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    public void record(RecordedCall call) {
        calls.addLast(call);
        if (size.incrementAndGet() > CAPACITY && calls.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<RecordedCall> calls() {
        return new ArrayList<>(calls);
    }

    public void clear() {
        calls.clear();
        size.set(0);
    }
}
