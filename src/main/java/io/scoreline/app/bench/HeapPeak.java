package io.scoreline.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;

/** The highest heap use since {@link #reset}, summed over the heap pools the JVM reports. */
final class HeapPeak {

    void reset() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(p -> p.resetPeakUsage());
    }

    long peakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
