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

    /**
     * The body read against the request record of an endpoint ({@link ApiEndpoint#request()}):
     * the record's components (by their {@code @JsonProperty} names) are the accepted fields. The
     * values are still read one by one with {@link #text} and friends and validated like the CLI's.
     */
    public static JsonBody parse(@Nullable byte[] body, int maxBytes, Class<? extends Record> request) {
        return parse(body, maxBytes, RequestFields.of(request));
    }

    /** Whether the body has {@code field} at all (also when it is JSON null: "clear it"). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** Whether {@code field} is present and JSON null. */
    public boolean isNull(String field) {
        var value = object.get(field);
        return value != null && value.isNull();
    }

    /** A whole number, or null when absent; any other JSON type is refused. */
    public @Nullable Long number(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a whole number", field);
        }
        return value.longValue();
    }

    /** A boolean, or null when absent; any other JSON type is refused. */
    public @Nullable Boolean bool(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be true or false", field);
        }
        return value.booleanValue();
    }

    /** A list of strings, or null when absent; any other JSON type is refused. */
    public java.util.@Nullable List<String> texts(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be an array of strings", field);
        }
        var texts = new java.util.ArrayList<String>();
        for (var element : value) {
            if (!element.isTextual()) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be an array of strings", field);
            }
            texts.add(element.textValue());
        }
        return java.util.List.copyOf(texts);
    }

    /** The raw JSON of {@code field} (an object or array the endpoint reads itself), or null. */
    public @Nullable JsonNode node(String field) {
        var value = object.get(field);
        return value == null || value.isNull() ? null : value;
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
