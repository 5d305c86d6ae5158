package dev.camelzest.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The peak heap use of this JVM since {@link #reset()}: a heap peaks just before a collection, so the heap's use
 * before each collection (as the collector reports it) is taken, and the use when {@link #sample()} is called.
 * Unlike polling every few milliseconds, this costs the measured JVM nothing between collections.
 */
final class PeakHeap implements NotificationListener {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();

    PeakHeap() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
            }
        }
    }

    void reset() {
        peak.set(0);
        sample();
    }

    /** Takes the heap's use now into the peak; answers the peak. */
    long sample() {
        return raise(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            Map<String, MemoryUsage> before = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageBeforeGc();
            raise(before.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum());
        }
    }

    private long raise(long used) {
        return peak.accumulateAndGet(used, Math::max);
    }
}
