package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.scoreline.failure.ScorelineException;

/** Every error answer of the API, in the one format, with the status its kind calls for. */
public final class ApiErrors {

    /** The realm of {@code WWW-Authenticate}. */
    static final String REALM = "scoreline";

    private ApiErrors() {}

    public static MutableHttpResponse<ApiError> respond(
            HttpStatus status, String code, String message, @Nullable String field) {
        return HttpResponse.<ApiError>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ApiError.of(code, message, field));
    }

    /**
     * A failure of a use case: bad input 422, not found 404, conflict or schema drift 409, a database that went
     * away 503, the CRM refusing the integration's login 502 or its quota 503; a bug 500 with no detail (the
     * log has it).
     */
    public static MutableHttpResponse<ApiError> of(ScorelineException failure) {
        if (failure instanceof ApiProblem problem) {
            return respond(problem.status(), problem.code(), problem.getMessage(), problem.field());
        }
        return switch (failure.kind()) {
            case BAD_INPUT -> respond(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", failure.getMessage(), null);
            case NOT_FOUND -> notFound();
            case CONFLICT -> respond(HttpStatus.CONFLICT, "conflict", failure.getMessage(), null);
            // The CRM no longer has a field the rules read: the caller's rules or CRM must change first.
            case SCHEMA -> respond(HttpStatus.CONFLICT, "schema_mismatch", failure.getMessage(), null);
            case RETRYABLE ->
                respond(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "try again shortly", null)
                        .header("Retry-After", "5");
            // The CRM refused the integration's login (a describe, test or users sync calls it): not the
            // API caller's key, and not a bug of ours. The message names what was refused, never a secret.
            case AUTH -> respond(HttpStatus.BAD_GATEWAY, "crm_auth_failed", failure.getMessage(), null);
            case QUOTA ->
                respond(HttpStatus.SERVICE_UNAVAILABLE, "crm_quota", failure.getMessage(), null)
                        .header("Retry-After", "60");
            case BUG -> respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "internal error", null);
        };
    }

    /** The same answer whether the thing is missing or another organization's: nothing to tell them apart. */
    public static MutableHttpResponse<ApiError> notFound() {
        return respond(HttpStatus.NOT_FOUND, "not_found", "not found", null);
    }

    /** RFC 6750 §3: no error attribute when no credentials were sent. */
    static MutableHttpResponse<ApiError> unauthenticated(boolean keySent) {
        var challenge = keySent
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                        + "error_description=\"The API key is unknown, revoked or expired\""
                : "Bearer realm=\"" + REALM + "\"";
        return respond(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        keySent
                                ? "the API key is unknown, revoked or expired"
                                : "send an API key as Authorization: Bearer <key>",
                        null)
                .header("WWW-Authenticate", challenge);
    }

    static MutableHttpResponse<ApiError> forbidden(String scope) {
        return respond(HttpStatus.FORBIDDEN, "insufficient_scope", "this key lacks the " + scope + " scope", null)
                .header(
                        "WWW-Authenticate",
                        "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    /** A status Micronaut answered by itself (405, 415, 413 before any endpoint ran …), in the API's format. */
    static ApiError forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ApiError.of("not_found", "not found", null);
            case METHOD_NOT_ALLOWED -> ApiError.of("method_not_allowed", "method not allowed here", null);
            case REQUEST_ENTITY_TOO_LARGE -> ApiError.of("too_large", "the body is larger than the API accepts", null);
            case UNSUPPORTED_MEDIA_TYPE -> ApiError.of("unsupported_media_type", "send application/json", null);
            case SERVICE_UNAVAILABLE -> ApiError.of("unavailable", "try again shortly", null);
            default ->
                status.getCode() < 500
                        ? ApiError.of("bad_request", "the request is not valid", null)
                        : ApiError.of("internal", "internal error", null);
        };
    }
}
