package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Delivers outbound messages as a workflow rule would: SOAP notifications (at most 100 per message, one
 * object type each) POSTed to a listener, redelivered with the same notification ids until the listener
 * answers 200 with {@code <Ack>true</Ack>}.
 */
public final class SalesforceOutboundMessenger implements AutoCloseable {

    public static final int MAX_NOTIFICATIONS = 100;
    private static final Pattern ACK = Pattern.compile("<(\\w+:)?Ack>\\s*true\\s*</(\\w+:)?Ack>");

    private final URI target;
    private final String orgId;
    private final URI instanceUrl;
    private final RetrySchedule retries;
    private final String actionId = SalesforceIds.of("04k", 1);
    private final AtomicLong notificationIds = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("salesforce-outbound-retry").factory());

    public SalesforceOutboundMessenger(URI target, String orgId, URI instanceUrl, RetrySchedule retries) {
        this.target = target;
        this.orgId = orgId;
        this.instanceUrl = instanceUrl;
        this.retries = retries;
    }

    /** Sends the rows grouped by object type; completes when each message is acknowledged or given up. */
    public CompletableFuture<List<Delivery>> send(List<SalesforceRow> rows) {
        Map<SalesforceObject, List<OutboundMessageXml.Notification>> byType = new LinkedHashMap<>();
        for (SalesforceRow row : rows) {
            byType.computeIfAbsent(row.type(), type -> new ArrayList<>())
                    .add(new OutboundMessageXml.Notification(
                            SalesforceIds.of("04l", notificationIds.incrementAndGet()), row));
        }
        List<CompletableFuture<Delivery>> messages = new ArrayList<>();
        for (List<OutboundMessageXml.Notification> notifications : byType.values()) {
            for (int from = 0; from < notifications.size(); from += MAX_NOTIFICATIONS) {
                String xml = OutboundMessageXml.envelope(
                        orgId,
                        actionId,
                        instanceUrl.toString(),
                        notifications.subList(from, Math.min(notifications.size(), from + MAX_NOTIFICATIONS)));
                CompletableFuture<Delivery> outcome = new CompletableFuture<>();
                attempt(xml, 1, outcome);
                messages.add(outcome);
            }
        }
        return CompletableFuture.allOf(messages.toArray(CompletableFuture[]::new))
                .thenApply(
                        done -> messages.stream().map(CompletableFuture::join).toList());
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the outcome future carries the result; these are its steps
    private void attempt(String xml, int attempt, CompletableFuture<Delivery> outcome) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("User-Agent", "Salesforce - Outbound Notification")
                .POST(HttpRequest.BodyPublishers.ofString(xml))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null
                    && response.statusCode() == 200
                    && ACK.matcher(response.body()).find()) {
                outcome.complete(new Delivery.Delivered(attempt, 200));
                return;
            }
            String problem = error != null
                    ? error.toString()
                    : response.statusCode() == 200 ? "no Ack" : "HTTP " + response.statusCode();
            if (attempt >= retries.maxAttempts()) {
                outcome.complete(new Delivery.GaveUp(attempt, problem));
                return;
            }
            timer.schedule(
                    () -> attempt(xml, attempt + 1, outcome),
                    retries.delayBefore(attempt).toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.shutdownNow();
    }
}
