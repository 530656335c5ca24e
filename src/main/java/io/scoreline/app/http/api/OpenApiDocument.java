package io.scoreline.app.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.Scope;
import jakarta.inject.Singleton;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of {@code /api/v1}, built from the server's own route table and each
 * route's {@link ApiEndpoint}: what is served and what is documented cannot drift apart. Bodies
 * are described from the types the endpoint reads ({@link ApiEndpoint#request()}) and returns,
 * query parameters from its {@code @QueryValue} parameters, the success status from its {@code
 * @Status} (200 without one). (The
 * Micronaut OpenAPI processor would build it at compile time, but no release of it for Micronaut
 * 5 resolves here; ADR 0036.)
 */
@Singleton
public final class OpenApiDocument {

    static final String SECURITY_SCHEME = "apiKey";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)[^}]*}");

    private final Router router;
    private volatile @Nullable Map<String, Object> document;

    public OpenApiDocument(Router router) {
        this.router = router;
    }

    /** The document as a JSON-ready tree, built on first use: the route table is fixed once the server runs. */
    public Map<String, Object> build() {
        var built = document;
        if (built == null) {
            built = Collections.unmodifiableMap(assemble());
            document = built;
        }
        return built;
    }

    private Map<String, Object> assemble() {
        var schemas = new OpenApiSchemas();
        var paths = new TreeMap<String, Map<String, Object>>();
        router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .forEach(route -> paths.computeIfAbsent(path(route), p -> new TreeMap<>())
                        .put(route.getHttpMethodName().toLowerCase(Locale.ROOT), operation(route, schemas)));
        var document = new LinkedHashMap<String, Object>();
        document.put("openapi", "3.1.0");
        document.put(
                "info",
                Map.of(
                        "title", "Scoreline admin API",
                        "version", "1",
                        "description", "Send an API key as `Authorization: Bearer <key>` (see docs/api.md)."));
        document.put("servers", List.of(Map.of("url", "/")));
        document.put("paths", paths);
        document.put(
                "components",
                Map.of(
                        "securitySchemes",
                        Map.of(
                                SECURITY_SCHEME,
                                Map.of(
                                        "type", "http",
                                        "scheme", "bearer",
                                        "description",
                                                "An API key from `scoreline apikey create`; scopes nest: admin ⊃ write ⊃ read")),
                        "schemas",
                        componentSchemas(schemas)));
        return document;
    }

    private static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toPathString();
    }

    private static Map<String, Object> operation(UriRouteInfo<?, ?> route, OpenApiSchemas schemas) {
        AnnotationMetadata metadata = route.getAnnotationMetadata();
        var operation = new LinkedHashMap<String, Object>();
        var summary = metadata.stringValue(ApiEndpoint.class, "summary").orElse("");
        var scope = metadata.enumValue(ApiEndpoint.class, "scope", Scope.class);
        var audience = metadata.enumValue(ApiEndpoint.class, "audience", Audience.class)
                .orElse(Audience.ORGANIZATION);
        operation.put("summary", summary);
        operation.put("operationId", route.getTargetMethod().getMethodName());
        // OpenAPI 3.1 lets a non-OAuth scheme list role names: the scope the key needs.
        operation.put(
                "security",
                List.of(Map.of(SECURITY_SCHEME, scope.map(s -> List.of(s.key())).orElse(List.of("none")))));
        operation.put("x-scoreline-audience", audience.name().toLowerCase(Locale.ROOT));
        var parameters = parameters(route, schemas);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        requestBody(metadata, schemas).ifPresent(body -> operation.put("requestBody", body));
        var responses = new LinkedHashMap<String, Object>();
        responses.put(successStatus(metadata), success(route, schemas));
        for (var status : List.of("400", "401", "403", "404", "409", "413", "422", "429")) {
            responses.put(
                    status,
                    Map.of(
                            "description",
                            "error",
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", Map.of("$ref", OpenApiSchemas.REF_PREFIX + "Error")))));
        }
        operation.put("responses", responses);
        return operation;
    }

    /**
     * Path variables (an id or a version is a number), then query parameters: the template's
     * {@code {?limit,after}} and the method's {@code @QueryValue} parameters, each once.
     */
    private static List<Map<String, Object>> parameters(UriRouteInfo<?, ?> route, OpenApiSchemas schemas) {
        var parameters = new ArrayList<Map<String, Object>>();
        var inPath = pathVariables(path(route));
        for (var variable : inPath) {
            parameters.add(Map.of(
                    "name",
                    variable,
                    "in",
                    "path",
                    "required",
                    true,
                    "schema",
                    numeric(variable) ? Map.of("type", "integer", "format", "int64") : Map.of("type", "string")));
        }
        var handle = route.getTargetMethod();
        Type[] types = handle.getTargetMethod().getGenericParameterTypes();
        var arguments = handle.getArguments();
        var query = new LinkedHashMap<String, Map<String, Object>>();
        for (var variable : route.getUriMatchTemplate().getVariableNames()) {
            if (!inPath.contains(variable)) {
                query.put(variable, queryParameter(variable, null, null));
            }
        }
        for (int i = 0; i < arguments.length; i++) {
            var argument = arguments[i];
            var argumentMetadata = argument.getAnnotationMetadata();
            var type = i < types.length ? types[i] : argument.getType();
            var named = argumentMetadata
                    .stringValue(QueryValue.class)
                    .filter(v -> !v.isEmpty())
                    .orElse(argument.getName());
            if (argumentMetadata.hasAnnotation(QueryValue.class) || query.containsKey(argument.getName())) {
                var required = !argument.isNullable()
                        && !OpenApiSchemas.optional(type)
                        && argumentMetadata
                                .stringValue(QueryValue.class, "defaultValue")
                                .isEmpty()
                        && !query.containsKey(argument.getName());
                query.remove(argument.getName());
                query.put(named, queryParameter(named, schemas.of(type), required));
            }
        }
        parameters.addAll(query.values());
        return parameters;
    }

    private static Map<String, Object> queryParameter(
            String name, @Nullable Map<String, Object> schema, @Nullable Boolean required) {
        var parameter = new LinkedHashMap<String, Object>();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("required", required != null && required);
        parameter.put("schema", schema == null ? Map.of("type", "string") : schema);
        return parameter;
    }

    /** The variables of a path template, in order: {@code {teamId}} and {@code {teamId:[0-9]+}} alike. */
    static List<String> pathVariables(String path) {
        var variables = new ArrayList<String>();
        var matcher = PATH_VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    static boolean numeric(String pathVariable) {
        return pathVariable.endsWith("Id") || pathVariable.equals("version");
    }

    private static Optional<Map<String, Object>> requestBody(AnnotationMetadata metadata, OpenApiSchemas schemas) {
        var request = metadata.classValue(ApiEndpoint.class, "request").orElse(Void.class);
        if (request == Void.class || request == void.class) {
            return Optional.empty();
        }
        var media = new LinkedHashMap<String, Object>();
        media.put("schema", schemas.ofRequest(request));
        metadata.stringValue(ApiEndpoint.class, "example")
                .filter(example -> !example.isBlank())
                .ifPresent(example -> media.put("example", parsedExample(example, metadata)));
        return Optional.of(Map.of("required", true, "content", Map.of("application/json", media)));
    }

    private static Object parsedExample(String example, AnnotationMetadata metadata) {
        try {
            return JSON.readTree(example);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(
                    FailureKind.BUG,
                    "the example body of "
                            + metadata.stringValue(ApiEndpoint.class, "summary").orElse("?") + " is not JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** The status an endpoint answers when it works: its {@code @Status}, else 200. */
    private static String successStatus(AnnotationMetadata metadata) {
        return Integer.toString(metadata.enumValue(Status.class, HttpStatus.class)
                .orElse(HttpStatus.OK)
                .getCode());
    }

    /**
     * The answer's body from the method's return type: {@code HttpResponse<T>} and {@code
     * Optional<T>} answer a T; void, a wildcard or an unknown body type answer no content. A
     * String an endpoint produces as JSON is a document it wrote itself: any JSON.
     */
    private static Map<String, Object> success(UriRouteInfo<?, ?> route, OpenApiSchemas schemas) {
        var body = body(route.getTargetMethod().getTargetMethod().getGenericReturnType());
        if (body.isEmpty()) {
            return Map.of("description", "OK, no content");
        }
        var schema = body.get() == String.class ? Map.<String, Object>of() : schemas.of(body.get());
        return Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", schema)));
    }

    private static Optional<Type> body(Type returned) {
        if (returned == void.class || returned == Void.class || returned instanceof WildcardType) {
            return Optional.empty();
        }
        if (returned instanceof Class<?> c && (HttpResponse.class.isAssignableFrom(c) || c == Object.class)) {
            return Optional.empty();
        }
        if (returned instanceof ParameterizedType p) {
            var raw = (Class<?>) p.getRawType();
            if (HttpResponse.class.isAssignableFrom(raw) || raw == Optional.class) {
                return body(p.getActualTypeArguments()[0]);
            }
        }
        if (returned instanceof TypeVariable<?>) {
            return Optional.empty();
        }
        return Optional.of(returned);
    }

    private static Map<String, Object> componentSchemas(OpenApiSchemas schemas) {
        var all = new TreeMap<String, Object>(schemas.components());
        all.put("Error", errorSchema());
        return all;
    }

    private static Map<String, Object> errorSchema() {
        return Map.of(
                "type", "object",
                "required", List.of("error"),
                "properties",
                        Map.of(
                                "error",
                                Map.of(
                                        "type", "object",
                                        "required", List.of("code", "message"),
                                        "properties",
                                                Map.of(
                                                        "code", Map.of("type", "string"),
                                                        "message", Map.of("type", "string"),
                                                        "field", Map.of("type", List.of("string", "null"))))));
    }
}
