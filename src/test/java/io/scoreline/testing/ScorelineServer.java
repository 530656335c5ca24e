package io.scoreline.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server {@code scoreline serve} runs (Micronaut context, HTTP on a free port) on a test
 * database; background work is not started unless a test starts it. Close to stop; a new one on
 * the same database is what a restart looks like.
 */
public final class ScorelineServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Map<String, String> environment;

    private ScorelineServer(ApplicationContext context, EmbeddedServer server, Map<String, String> environment) {
        this.context = context;
        this.server = server;
        this.environment = environment;
    }

    /** A server on a fresh, migrated database. */
    public static ScorelineServer start(Map<String, String> settings) {
        return start(TestPostgres.freshDatabase(), settings);
    }

    /** A server on the given database (another server on it has been closed, or runs beside it). */
    public static ScorelineServer start(DatabaseEndpoint database, Map<String, String> settings) {
        var env = new HashMap<>(TestEnvironment.forDatabase(database));
        env.put(ScorelineConfig.DB_POOL_SIZE, "6");
        env.putAll(settings);
        var context = ScorelineApplication.start(
                ScorelineConfig.resolve(env, new CliOverrides(Optional.empty(), Optional.of(0))));
        var server = context.getBean(EmbeddedServer.class).start();
        return new ScorelineServer(context, server, env);
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The settings it runs with: a CLI run with them works on the same database. */
    public Map<String, String> environment() {
        return environment;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
