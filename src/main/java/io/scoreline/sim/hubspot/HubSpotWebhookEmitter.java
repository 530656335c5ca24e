package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.http.RetrySchedule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts webhook batches (at most 100 events) to a target URL the way HubSpot does: JSON array body,
 * v1 and v3 signature headers, and retries of every non-2xx answer or I/O failure with a fresh
 * timestamp, signature and {@code attemptNumber}.
 */
public final class HubSpotWebhookEmitter implements AutoCloseable {

    public static final int MAX_BATCH = 100;

    private final URI target;
    private final String clientSecret;
    private final Clock clock;
    private final RetrySchedule retries;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("hubspot-webhook-retry").factory());

    public HubSpotWebhookEmitter(URI target, String clientSecret, Clock clock, RetrySchedule retries) {
        this.target = target;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.retries = retries;
    }

    /** Sends the events in batches of at most 100; completes when every batch is delivered or given up. */
    public CompletableFuture<List<Delivery>> send(List<HubSpotWebhookEvent> events) {
        List<CompletableFuture<Delivery>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += MAX_BATCH) {
            List<HubSpotWebhookEvent> batch =
                    List.copyOf(events.subList(from, Math.min(events.size(), from + MAX_BATCH)));
            CompletableFuture<Delivery> outcome = new CompletableFuture<>();
            attempt(batch, 0, outcome);
            batches.add(outcome);
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new))
                .thenApply(done -> batches.stream().map(CompletableFuture::join).toList());
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the outcome future carries the result; these are its steps
    private void attempt(List<HubSpotWebhookEvent> batch, int attemptNumber, CompletableFuture<Delivery> outcome) {
        String body = JsonCodec.writeString(
                batch.stream().map(event -> event.json(attemptNumber)).toList());
        long timestamp = clock.millis();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(
                        "User-Agent",
                        "HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: "
                                + "webhooks-nio-http-client) - WebhooksExecutorDaemon-executor")
                .header("X-HubSpot-Signature", HubSpotSignature.v1(clientSecret, body))
                .header("X-HubSpot-Signature-Version", "v1")
                .header(
                        "X-HubSpot-Signature-v3",
                        HubSpotSignature.v3(clientSecret, "POST", target.toString(), body, timestamp))
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))
                .header("X-HubSpot-Timeout-Millis", "10000")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int attempts = attemptNumber + 1;
            if (error == null && response.statusCode() / 100 == 2) {
                outcome.complete(new Delivery.Delivered(attempts, response.statusCode()));
                return;
            }
            String problem = error == null ? "HTTP " + response.statusCode() : error.toString();
            if (attempts >= retries.maxAttempts()) {
                outcome.complete(new Delivery.GaveUp(attempts, problem));
                return;
            }
            timer.schedule(
                    () -> attempt(batch, attempts, outcome),
                    retries.delayBefore(attempts).toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.shutdownNow();
    }
}
