import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.live.LiveChanges;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Records one webhook delivery exactly as the HubSpot simulator's emitter sends it (target URL,
 * headers, raw body) so that clients-check.mjs can hand it to @hubspot/api-client's own
 * Signature.isValid. `scoreline sim` has no option to forward webhooks, hence this in-process run.
 *
 * <pre>java -cp target/scoreline.jar src/test/node/CaptureHubSpotWebhook.java src/test/node/fixtures/hubspot-webhook-delivery.json</pre>
 */
public final class CaptureHubSpotWebhook {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "fixtures/hubspot-webhook-delivery.json");
        CompletableFuture<Map<String, Object>> first = new CompletableFuture<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/hubspot", exchange -> {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("method", exchange.getRequestMethod());
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.toLowerCase().startsWith("x-hubspot") || name.equalsIgnoreCase("content-type")) {
                    headers.put(name, values.getFirst());
                }
            });
            delivery.put("headers", headers);
            delivery.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            first.complete(delivery);
        });
        receiver.start();
        try (RunningSimulators sims = Simulators.start(SimulatorOptions.defaults().withSeed(5).withVolume(2, 2))) {
            // The URL as the emitter is configured with it: the v3 signature covers it verbatim.
            URI target = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/hubspot");
            sims.forwardHubSpotWebhooks(target, new RetrySchedule(1, Duration.ofMillis(10), Duration.ofMillis(10)));
            LiveChanges live = new LiveChanges(sims.dataset(), Clock.systemUTC(), 6_000);
            while (!first.isDone()) {
                Thread.sleep(50);
                live.tick();
            }
            Map<String, Object> delivery = first.get(10, TimeUnit.SECONDS);
            Map<String, Object> fixture = new LinkedHashMap<>();
            fixture.put("url", target.toString());
            fixture.putAll(delivery);
            fixture.put("clientSecret", sims.hubSpot().clientSecret());
            fixture.put("note", List.of("Recorded from io.scoreline.sim.hubspot.HubSpotWebhookEmitter by "
                    + "CaptureHubSpotWebhook.java; clientSecret is the seeded simulator app's, not a real one."));
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), fixture);
        } finally {
            receiver.stop(0);
        }
    }
}
