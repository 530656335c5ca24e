package io.scoreline.pipeline.scheduling;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher that records every scheduled run, counts overlapping runs per integration (across
 * every node it is handed to) and, on request, holds runs open or fails them.
 */
final class RecordingLauncher implements ScheduledSyncLauncher {

    private final List<ScheduledSync> started = new CopyOnWriteArrayList<>();
    private final List<ScheduledSync> finished = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<Long, Integer> mostAtOnce = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Runs wait here until {@link #release()}, standing in for a long sync. */
    RecordingLauncher holdRuns() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** The next {@code count} runs throw, as a sync that fails would. */
    RecordingLauncher failNext(int count) {
        failuresLeft.set(count);
        return this;
    }

    @Override
    public void runScheduledSync(ScheduledSync sync) {
        var counter = running.computeIfAbsent(sync.integrationId(), id -> new AtomicInteger());
        int now = counter.incrementAndGet();
        mostAtOnce.merge(sync.integrationId(), now, Math::max);
        started.add(sync);
        try {
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("simulated sync failure");
            }
            if (!gate.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("test never released the held run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            counter.decrementAndGet();
            finished.add(sync);
        }
    }

    List<ScheduledSync> started() {
        return List.copyOf(started);
    }

    List<ScheduledSync> started(long integrationId) {
        return started.stream().filter(s -> s.integrationId() == integrationId).toList();
    }

    List<Instant> fireTimes(long integrationId) {
        return started(integrationId).stream().map(ScheduledSync::scheduledFor).toList();
    }

    int finishedCount() {
        return finished.size();
    }

    int runningNow() {
        return running.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int mostAtOnce(long integrationId) {
        return mostAtOnce.getOrDefault(integrationId, 0);
    }

    /** Waits until the integration has run {@code more} more times than it has now. */
    void awaitMoreRuns(long integrationId, int more) {
        int target = started(integrationId).size() + more;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> started(integrationId).size() >= target);
    }

    /** Shows that the integration stays without new runs for a few of its one-second fire times. */
    void assertNoMoreRuns(long integrationId) {
        // A fire that had already begun when the schedule changed may still reach the launcher:
        // let one fire time pass and running syncs end before counting.
        await().pollDelay(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(20))
                .until(() -> runningNow() == 0);
        int settled = started(integrationId).size();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> started(integrationId).size() == settled);
    }
}
