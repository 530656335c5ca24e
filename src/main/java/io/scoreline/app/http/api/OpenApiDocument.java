package io.scoreline.app.http.api;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.scoreline.pipeline.access.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of {@code /api/v1}, built from the server's own route table and each
 * route's {@link ApiEndpoint}: what is served and what is documented cannot drift apart. (The
 * Micronaut OpenAPI processor would build it at compile time, but no release of it for Micronaut
 * 5 resolves here; ADR 0036.)
 */
@Singleton
public final class OpenApiDocument {

    static final String SECURITY_SCHEME = "apiKey";

    private final Router router;

    public OpenApiDocument(Router router) {
        this.router = router;
    }

    /** The document as a JSON-ready tree. */
    public Map<String, Object> build() {
        var paths = new TreeMap<String, Map<String, Object>>();
        router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .forEach(route -> paths.computeIfAbsent(path(route), p -> new TreeMap<>())
                        .put(route.getHttpMethodName().toLowerCase(Locale.ROOT), operation(route)));
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
                        Map.of("Error", errorSchema())));
        return document;
    }

    private static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toPathString();
    }

    private static Map<String, Object> operation(UriRouteInfo<?, ?> route) {
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
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", Map.of("description", "OK"));
        for (var status : List.of("400", "401", "403", "404", "409", "413", "422", "429")) {
            responses.put(
                    status,
                    Map.of(
                            "description",
                            "error",
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        }
        operation.put("responses", responses);
        var parameters = new ArrayList<Map<String, Object>>();
        for (var variable : route.getUriMatchTemplate().getVariableNames()) {
            parameters.add(
                    Map.of("name", variable, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        return operation;
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
