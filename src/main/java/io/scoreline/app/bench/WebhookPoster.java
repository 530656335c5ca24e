package io.scoreline.app.bench;

import io.scoreline.sim.data.CallOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts signed batches of HubSpot property-change events about known calls, the way HubSpot
 * would: either as fast as {@code concurrency} requests in flight allow (a closed loop, for the
 * most the server accepts), or at a fixed offered rate whatever the answers take (an open loop,
 * for latency at that rate: a slow answer does not delay the next batch, so it cannot hide
 * itself).
 */
final class WebhookPoster {

    static final int BATCH = 100;

    /** What one round of posting did; acknowledgement times in milliseconds. */
    @SuppressWarnings("ArrayRecordComponent") // a measurement handed to the report once; never compared
    record Posted(long batches, long accepted, long refused, double seconds, double[] ackMillis) {

        double acceptedPerSecond() {
            return accepted / Math.max(0.001, seconds);
        }
    }

    private final URI target;
    private final String secret;
    private final long portalId;
    private final List<String> recordIds;
    private final Clock clock;
    /**
     * Whether each call was last set to "Connected" (1) or not (0) by this poster: every event
     * toggles its call, so every event moves a {@code call_connects} fact whatever the round.
     */
    private final AtomicIntegerArray connected;

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    WebhookPoster(URI target, String secret, long portalId, List<String> recordIds, Clock clock) {
        this.target = target;
        this.secret = secret;
        this.portalId = portalId;
        this.recordIds = recordIds;
        this.clock = clock;
        this.connected = new AtomicIntegerArray(recordIds.size());
    }

    /** {@code events} events with ids from {@code eventBase}, at most {@code concurrency} batches in flight. */
    Posted closedLoop(long eventBase, int events, int concurrency) {
        return closedLoop(eventBase, events, concurrency, n -> (int) (n % recordIds.size()));
    }

    private Posted closedLoop(long eventBase, int events, int concurrency, LongToIntFunction calls) {
        var slots = new Semaphore(concurrency);
        return post(eventBase, events, calls, (batch, send) -> {
            slots.acquireUninterruptibly();
            return () -> {
                try {
                    send.run(System.nanoTime(), clock.millis());
                } finally {
                    slots.release();
                }
            };
        });
    }

    /**
     * {@code events} events offered at {@code eventsPerSecond}: batch i leaves at start + i ×
     * 100 / rate, and its acknowledgement time counts from then, not from when a busy sender
     * got round to it. Each event's {@code occurredAt} is that scheduled time, so the server's
     * rows carry when each event was offered.
     *
     * <p>The calls are visited through a window that slides once over them during the round (see
     * {@link #slidingWindow}), so that KPI cells keep rising while it lasts and rewards fall due
     * throughout it rather than in its first second.
     */
    Posted openLoop(long eventBase, int events, double eventsPerSecond) {
        long start = System.nanoTime();
        long startMillis = clock.millis();
        long gapNanos = (long) (BATCH * 1e9 / eventsPerSecond);
        return post(eventBase, events, slidingWindow(events, recordIds.size()), (batch, send) -> () -> {
            long due = start + batch * gapNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send.run(due, startMillis + (due - start) / 1_000_000);
        });
    }

    /**
     * Event n's call: a window of {@code width} calls that moves on by {@code width / visits}
     * calls after each pass over it, so each call is visited {@code visits} times in a row, an odd
     * number, and ends the round "Connected"; {@code visits} is chosen so that one sweep over the
     * calls takes about the whole round.
     */
    static LongToIntFunction slidingWindow(long events, int calls) {
        long perCall = Math.max(1, events / calls);
        int visits = (int) Math.min(Integer.MAX_VALUE - 1, perCall % 2 == 1 ? perCall : perCall - 1);
        int visitsOdd = Math.max(1, visits);
        int step = Math.max(1, Math.min(calls, 1000) / visitsOdd);
        long width = (long) step * visitsOdd;
        return n -> (int) (((n / width) * step + n % width) % calls);
    }

    private interface Sender {
        void run(long countFromNanos, long occurredAtMillis);
    }

    private interface Schedule {
        Runnable task(int batch, Sender send);
    }

    @SuppressWarnings(
            "FutureReturnValueIgnored") // each task records its own outcome; the executor's close() waits for all of
    // them
    private Posted post(long eventBase, int events, LongToIntFunction calls, Schedule schedule) {
        var acks = new ConcurrentLinkedQueue<Double>();
        var accepted = new AtomicLong();
        var refused = new AtomicLong();
        int batches = (events + BATCH - 1) / BATCH;
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < batches; b++) {
                int first = b * BATCH;
                int size = Math.min(BATCH, events - first);
                executor.submit(schedule.task(b, (countFrom, occurredAt) -> {
                    try {
                        var body = batch(eventBase, first, size, calls, occurredAt);
                        long timestamp = clock.millis();
                        var request = HttpRequest.newBuilder(target)
                                .header("Content-Type", "application/json")
                                .header("X-HubSpot-Signature-v3", sign("POST" + target + body + timestamp))
                                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        acks.add((System.nanoTime() - countFrom) / 1_000_000.0);
                        if (response.statusCode() == 200) {
                            accepted.addAndGet(size);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Posted(
                batches,
                accepted.get(),
                refused.get(),
                seconds,
                acks.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Events n = first … first + size - 1: event n is about call {@code calls(n)}, which it toggles
     * between "Connected" and "No answer", so every event moves a {@code call_connects} fact.
     */
    private String batch(long eventBase, int first, int size, LongToIntFunction calls, long occurredAt) {
        var json = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            int n = first + i;
            int call = calls.applyAsInt(n);
            var disposition =
                    connected.getAndUpdate(call, c -> 1 - c) == 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER;
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":")
                    .append(eventBase + n)
                    .append(",\"subscriptionId\":200048,\"portalId\":")
                    .append(portalId)
                    .append(",\"appId\":1,\"occurredAt\":")
                    .append(occurredAt)
                    .append(",\"subscriptionType\":\"object.propertyChange\",\"attemptNumber\":0,\"objectId\":")
                    .append(recordIds.get(call))
                    .append(",\"objectTypeId\":\"0-48\",\"propertyName\":\"hs_call_disposition\",")
                    .append("\"propertyValue\":\"")
                    .append(disposition.hubSpotId())
                    .append("\",\"changeSource\":\"CRM_UI\"}");
        }
        return json.append(']').toString();
    }

    private String sign(String source) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
