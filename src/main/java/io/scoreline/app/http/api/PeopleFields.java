package io.scoreline.app.http.api;

import io.micronaut.http.HttpStatus;
import io.scoreline.pipeline.people.PeopleRefusal;
import java.util.function.Supplier;

/**
 * Points a people refusal at the request field it is about: an unknown {@code parent_id} is a 404
 * naming {@code parent_id}, a taken {@code name} a 409 naming {@code name}. A refusal about the
 * path's own team or profile passes through unchanged, so that it answers exactly like any other
 * missing thing.
 */
final class PeopleFields {

    private PeopleFields() {}

    static <T> T naming(Supplier<T> call) {
        try {
            return call.get();
        } catch (PeopleRefusal refusal) {
            var field = switch (refusal.part()) {
                case SUBJECT -> null;
                case NAME -> "name";
                case EMAIL -> "email";
                case PARENT -> "parent_id";
                case TEAM -> "team_id";
                case MANAGER -> "manager_id";
            };
            if (field == null) {
                throw refusal;
            }
            throw switch (refusal.kind()) {
                case NOT_FOUND -> new ApiProblem(HttpStatus.NOT_FOUND, "not_found", refusal.getMessage(), field);
                case CONFLICT -> new ApiProblem(HttpStatus.CONFLICT, "conflict", refusal.getMessage(), field);
                case BAD_INPUT ->
                    new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", refusal.getMessage(), field);
                case RETRYABLE, AUTH, QUOTA, BUG, SCHEMA -> refusal;
            };
        }
    }
}
