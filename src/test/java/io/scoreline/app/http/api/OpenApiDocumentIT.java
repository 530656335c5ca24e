package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.web.router.Router;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server serves, checked as a client generator would read it: every
 * route of the server is in it with its security, every {@code $ref} resolves, every path
 * variable is declared (ids as integers), bodies have a schema and an example that fits it, and
 * every operation says what it answers when it works.
 */
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private static ScorelineServer server;
    private static JsonNode document;

    @BeforeAll
    static void served() throws Exception {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        assertThat(CliRun.run(
                                server.environment(),
                                "org",
                                "create",
                                "--slug",
                                "doc",
                                "--name",
                                "Doc",
                                "--timezone",
                                "UTC")
                        .exitCode())
                .isZero();
        var created = CliRun.run(
                server.environment(), "apikey", "create", "--org", "doc", "--name", "d", "--scopes", "read", "--json");
        var key = JSON.readTree(created.outLines().getLast()).get("key").asText();
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("/api/v1/openapi.json"))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        document = JSON.readTree(response.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsInTheDocumentWithItsSecurity() {
        var routes = server.bean(Router.class)
                .uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .toList();
        assertThat(routes).isNotEmpty();
        var softly = new SoftAssertions();
        // The router may list a route more than once (a GET also answers HEAD, a bean and its proxy): one operation
        // each.
        var documented = new HashSet<String>();
        for (var route : routes) {
            var path = route.getUriMatchTemplate().toPathString();
            var label = route.getHttpMethodName() + " " + path;
            var operation = document.path("paths")
                    .path(path)
                    .path(route.getHttpMethodName().toLowerCase(Locale.ROOT));
            softly.assertThat(operation.isMissingNode())
                    .as(label + " is documented")
                    .isFalse();
            var scope = route.getAnnotationMetadata().enumValue(ApiEndpoint.class, "scope", Scope.class);
            softly.assertThat(scope).as(label + " declares its scope").isPresent();
            scope.ifPresent(
                    s -> softly.assertThat(operation.at("/security/0/apiKey/0").asText())
                            .as(label + " security")
                            .isEqualTo(s.key()));
            documented.add(label);
        }
        var operations = 0;
        for (var path : document.get("paths").properties()) {
            operations += path.getValue().size();
        }
        softly.assertThat(operations).as("no operation without a route").isEqualTo(documented.size());
        softly.assertAll();
    }

    @Test
    void everyReferenceResolves() {
        var references = new ArrayList<String>();
        collect(document, references);
        assertThat(references).contains("#/components/schemas/Error");
        for (var reference : references) {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode())
                    .as(reference + " resolves")
                    .isFalse();
        }
    }

    @Test
    void everyPathVariableIsDeclaredAndIdsAreIntegers() {
        var softly = new SoftAssertions();
        for (var path : document.get("paths").properties()) {
            var variables = new HashSet<String>();
            var matcher = VARIABLE.matcher(path.getKey());
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            for (var operation : path.getValue().properties()) {
                var label = operation.getKey() + " " + path.getKey();
                var declared = new HashSet<String>();
                for (var parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        var name = parameter.get("name").asText();
                        declared.add(name);
                        softly.assertThat(parameter.path("required").asBoolean())
                                .as(label + " " + name + " required")
                                .isTrue();
                        if (OpenApiDocument.numeric(name)) {
                            softly.assertThat(parameter.at("/schema/type").asText())
                                    .as(label + " " + name)
                                    .isEqualTo("integer");
                        }
                    } else {
                        softly.assertThat(parameter.path("in").asText())
                                .as(label + " parameter " + parameter)
                                .isEqualTo("query");
                        softly.assertThat(parameter.has("schema"))
                                .as(label + " " + parameter)
                                .isTrue();
                    }
                }
                softly.assertThat(declared).as(label + " path parameters").isEqualTo(variables);
            }
        }
        softly.assertAll();
    }

    @Test
    void everyOperationSaysWhatItAnswersAndEveryBodyHasASchemaAndAFittingExample() {
        var softly = new SoftAssertions();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                var label = operation.getKey() + " " + path.getKey();
                var spec = operation.getValue();
                var successes = new ArrayList<String>();
                spec.path("responses").fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("2")) {
                        successes.add(status);
                    }
                });
                softly.assertThat(successes).as(label + " success status").hasSize(1);
                softly.assertThat(spec.at("/responses/404/content/application~1json/schema/$ref")
                                .asText())
                        .as(label + " errors")
                        .isEqualTo("#/components/schemas/Error");
                var body = spec.at("/requestBody/content/application~1json");
                if (body.isMissingNode()) {
                    continue;
                }
                softly.assertThat(body.has("schema")).as(label + " body schema").isTrue();
                var example = body.get("example");
                softly.assertThat(example).as(label + " has an example body").isNotNull();
                if (example != null) {
                    var schema = resolve(body.get("schema"));
                    var properties = new HashSet<String>();
                    schema.path("properties").fieldNames().forEachRemaining(properties::add);
                    var given = new HashSet<String>();
                    example.fieldNames().forEachRemaining(given::add);
                    softly.assertThat(properties)
                            .as(label + ": the example's fields are the schema's")
                            .containsAll(given);
                    var required = new HashSet<String>();
                    schema.path("required").forEach(r -> required.add(r.asText()));
                    softly.assertThat(given)
                            .as(label + ": the example has every required field")
                            .containsAll(required);
                }
            }
        }
        softly.assertAll();
        assertThat(document.at("/paths/~1api~1v1~1organization/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/OrganizationView");
        assertThat(document.at("/components/schemas/OrganizationView/properties/week_start/type")
                        .asText())
                .isEqualTo("string");
        assertThat(document.at("/components/schemas/OrganizationView/properties/created_at/format")
                        .asText())
                .isEqualTo("date-time");
        assertThat(document.at(
                                "/paths/~1api~1v1~1organizations/get/responses/200/content/application~1json/schema/type")
                        .asText())
                .isEqualTo("array");
    }

    @Test
    void theDocumentIsBuiltOncePerServer() {
        var documents = server.bean(OpenApiDocument.class);
        assertThat(documents.build()).isSameAs(documents.build());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    }

    private static JsonNode resolve(JsonNode schema) {
        var reference = schema.path("$ref").asText("");
        return reference.isEmpty() ? schema : document.at(reference.substring(1));
    }

    private static void collect(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, references));
        }
    }
}
