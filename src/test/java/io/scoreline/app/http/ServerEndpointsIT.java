package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.pipeline.database.DatabaseSettings;
import io.scoreline.pipeline.database.EmbeddedPostgresServer;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server of {@code scoreline serve} on a database addressed by JDBC URL: a second embedded
 * PostgreSQL of its own, which this test can stop to see {@code /health} turn to 503.
 */
class ServerEndpointsIT {

    private static EmbeddedPostgresServer externalServer;
    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        var dataDirectory = TestPostgres.testHome().resolve("external-pg");
        TestPostgres.deleteRecursively(dataDirectory);
        externalServer = EmbeddedPostgresServer.start(dataDirectory, DatabaseSettings.DEFAULT_RUNTIME_ROLE);
        var env = new HashMap<>(TestEnvironment.forDatabase(externalServer.ownerEndpoint()));
        var config = ScorelineConfig.resolve(env, new CliOverrides(Optional.empty(), Optional.of(0)));
        assertThat(config.database().embedded()).isFalse();
        context = ScorelineApplication.start(config);
        context.getBean(CamelContext.class);
        server = context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    static void stop() {
        var camel = context.getBean(CamelContext.class);
        context.close();
        assertThat(camel.isStopped()).isTrue();
        externalServer.close();
    }

    @Test
    void camelContextRunsWithTheApplication() {
        assertThat(context.getBean(CamelContext.class).isStarted()).isTrue();
        assertThat(context.getBean(CamelContext.class).getName()).isEqualTo("scoreline");
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        var response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections{pool=\"scoreline-runtime\"}");
    }

    @Test
    void healthIsUpAndThenDownWhenTheDatabaseGoesAway() throws Exception {
        var up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");

        externalServer.close();

        // An answer is reused for up to a second (ADR 0023); the rest is room for a loaded machine.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> get("/health").statusCode() == 503);
        var down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"DOWN\"");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        var uri = URI.create(server.getURL().toString() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
