package io.scoreline.app.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.failure.FailureKind;
import io.scoreline.pipeline.integrations.oauth.OAuthConnections;
import io.scoreline.pipeline.integrations.oauth.OAuthFailure;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /oauth/callback/{provider}}: where a CRM sends the browser back after its consent page
 * (ADR 0051). No API key: the single-use state authenticates the request. Answers a small page, or
 * a 303 to the console page the attempt named (only ever a {@code /console/} path, checked when the
 * attempt started) with {@code integration=ID} or {@code oauth_error=REASON}.
 */
@Controller("/oauth/callback")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OAuthCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthCallbackController.class);

    private final OAuthConnections connections;

    public OAuthCallbackController(OAuthConnections connections) {
        this.connections = connections;
    }

    @Get(uri = "/{provider}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> callback(
            @PathVariable String provider,
            @QueryValue @Nullable String code,
            @QueryValue @Nullable String state,
            @QueryValue @Nullable String error,
            @QueryValue("error_description") @Nullable String errorDescription) {
        var answer = new OAuthConnections.CallbackAnswer(
                Optional.ofNullable(code),
                Optional.ofNullable(state),
                Optional.ofNullable(error),
                Optional.ofNullable(errorDescription));
        try {
            var connected = connections.complete(provider, answer);
            var integration = connected.integration();
            LOG.info(
                    "OAuth {} integration {} of organization {}",
                    connected.reconnected() ? "reconnected" : "connected",
                    integration.id(),
                    connected.organization().slug());
            if (connected.returnTo().isPresent()) {
                return back(connected.returnTo().get(), "integration=" + integration.id());
            }
            return page(
                    HttpStatus.OK,
                    "Connected",
                    integration.provider().key() + " integration " + integration.id() + " of organization "
                            + connected.organization().slug() + " is "
                            + (connected.reconnected() ? "reconnected" : "connected")
                            + ". You can close this window.");
        } catch (OAuthFailure failure) {
            LOG.info(
                    "OAuth callback for {} connected nothing: {}",
                    provider.length() > 20 ? "?" : provider,
                    failure.reason().key());
            if (failure.returnTo().isPresent()) {
                return back(
                        failure.returnTo().get(),
                        "oauth_error=" + failure.reason().key());
            }
            return page(status(failure.kind()), "Not connected", failure.getMessage());
        }
    }

    private static HttpResponse<String> back(String returnTo, String parameter) {
        var separator = returnTo.contains("?") ? "&" : "?";
        return HttpResponse.<String>status(HttpStatus.SEE_OTHER)
                .headers(h -> h.location(URI.create(returnTo + separator + parameter)));
    }

    private static HttpStatus status(FailureKind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case AUTH -> HttpStatus.FORBIDDEN;
            case RETRYABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case BUG -> HttpStatus.INTERNAL_SERVER_ERROR;
            case BAD_INPUT, QUOTA, SCHEMA -> HttpStatus.BAD_REQUEST;
        };
    }

    private static HttpResponse<String> page(HttpStatus status, String title, String message) {
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " | Scoreline</title></head>"
                + "<body><h1>" + title + "</h1><p>" + escape(message) + "</p></body></html>";
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
