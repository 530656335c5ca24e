package io.scoreline.app.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Set;
import java.util.function.Function;

/**
 * A request body as a JSON object, read strictly: too large 413, not JSON 400, not an object or an
 * unknown field 422 naming it. Values are taken as text and handed to the same validation as the
 * CLI's, whose failures come back naming the field.
 */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /**
     * @param allowed the fields the endpoint reads; any other is refused, so that a typo is not
     *                silently ignored
     */
    public static JsonBody parse(@Nullable byte[] body, int maxBytes, Set<String> allowed) {
        if (body == null || body.length == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_json", "the request needs a JSON object body", null);
        }
        if (body.length > maxBytes) {
            throw new ApiProblem(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "too_large",
                    "the body is " + body.length + " bytes; at most " + maxBytes + " are accepted",
                    null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_json", "the body is not valid JSON", null);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "the body must be a JSON object", null);
        }
        for (var entry : object.properties()) {
            var name = entry.getKey();
            if (!allowed.contains(name)) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "unknown_field",
                        "unknown field; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()),
                        name);
            }
        }
        return new JsonBody(object);
    }

    /** The text of {@code field}, or null when it is absent; any other JSON type is refused. */
    public @Nullable String text(String field) {
        var value = object.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a string", field);
        }
        return value.textValue();
    }

    public String requiredText(String field) {
        var value = text(field);
        if (value == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "missing_field", "is required", field);
        }
        return value;
    }

    /**
     * Runs a validation and, when it refuses the input, names {@code field}: the same check and
     * the same words as the CLI's, with the field the API caller has to fix.
     */
    public static <T> T validated(String field, @Nullable String value, Function<String, T> validation) {
        try {
            return validation.apply(value);
        } catch (ScorelineException e) {
            if (e.kind() != FailureKind.BAD_INPUT || e instanceof ApiProblem) {
                throw e;
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", e.getMessage(), field);
        }
    }
}
