package io.scoreline.app.http.api;

/**
 * A body in the API's one error format: {@link ApiError}, or a record that adds members beside
 * its {@code error} (the {@code problems} of a rule document). {@link ApiGuard} leaves these as
 * they are and replaces any other error body.
 */
public interface ApiErrorBody {

    ApiError.Detail error();
}
