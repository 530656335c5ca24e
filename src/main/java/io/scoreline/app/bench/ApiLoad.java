package io.scoreline.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: requests are started on a fixed schedule whatever the answers do, each on its
 * own virtual thread, round-robin over the targets. A request's latency runs from the moment the
 * schedule meant to send it, so a server that falls behind shows it in the latencies instead of
 * slowing the load down (coordinated omission).
 */
final class ApiLoad {

    /** One endpoint under load: a name for the report and the URI asked. */
    record Target(String name, URI uri) {}

    /** What one target got: every answered request's latency, and the counts. */
    record Outcome(String name, long sent, long answered, long errors, double[] latenciesMillis, double seconds) {}

    private final HttpClient client;
    private final String apiKey;

    ApiLoad(HttpClient client, String apiKey) {
        this.client = client;
        this.apiKey = apiKey;
    }

    /** Offers {@code rate} requests a second in all for {@code duration}; waits for the answers (at most 30 s more). */
    List<Outcome> offer(List<Target> targets, int rate, Duration duration) {
        int n = targets.size();
        var latencies = new ArrayList<ConcurrentLinkedQueue<Double>>();
        var sent = new AtomicLong[n];
        var errors = new AtomicLong[n];
        for (int i = 0; i < n; i++) {
            latencies.add(new ConcurrentLinkedQueue<>());
            sent[i] = new AtomicLong();
            errors[i] = new AtomicLong();
        }
        long total = Math.max(1, Math.round(rate * (duration.toMillis() / 1000.0)));
        long intervalNanos = Math.max(1, 1_000_000_000L / Math.max(1, rate));
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long k = 0; k < total; k++) {
                long due = start + k * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int t = (int) (k % n);
                var target = targets.get(t);
                sent[t].incrementAndGet();
                threads.execute(() -> {
                    if (call(target.uri())) {
                        latencies.get(t).add((System.nanoTime() - due) / 1_000_000.0);
                    } else {
                        errors[t].incrementAndGet();
                    }
                });
            }
            threads.shutdown();
            try {
                threads.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads.shutdownNow();
        }
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        var outcomes = new ArrayList<Outcome>();
        for (int i = 0; i < n; i++) {
            var measured =
                    latencies.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            outcomes.add(new Outcome(
                    targets.get(i).name(), sent[i].get(), measured.length, errors[i].get(), measured, seconds));
        }
        return outcomes;
    }

    /** One request; whether it was answered 200. */
    boolean call(URI uri) {
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The status and body of one request, for the set-up (a cursor to poll from, whether a route exists). */
    HttpResponse<String> fetch(URI uri) {
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
