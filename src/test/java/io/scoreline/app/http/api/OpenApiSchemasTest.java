package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schemas of request and answer types, as the OpenAPI document publishes them. */
class OpenApiSchemasTest {

    enum Role {
        REP,
        @JsonProperty("manager")
        MANAGER
    }

    record Member(String email, Role role) {}

    record TeamRequest(
            String name,
            @JsonProperty("parent_team_id") @Nullable Long parentTeamId,
            Optional<String> note,
            boolean active,
            int size,
            double share,
            Instant created,
            @JsonProperty("updated_at") OffsetDateTime updatedAt,
            LocalDate day,
            List<Member> members,
            Set<String> tags,
            Map<String, Long> totals,
            @Nullable Member lead) {}

    record Node(String name, List<Node> children) {}

    record Box<T>(T value, List<T> more) {}

    static final class Holder {
        private Holder() {}

        ApiPage<Member> page() {
            return null;
        }
    }

    @Test
    void aRecordIsAnObjectOfItsComponentsUnderTheirJsonNames() {
        var schemas = new OpenApiSchemas();
        assertThat(schemas.of(TeamRequest.class)).isEqualTo(Map.of("$ref", "#/components/schemas/TeamRequest"));
        var team = schema(schemas, "TeamRequest");
        var properties = (Map<?, ?>) team.get("properties");
        assertThat(new ArrayList<Object>(properties.keySet()))
                .containsExactly(
                        "name",
                        "parent_team_id",
                        "note",
                        "active",
                        "size",
                        "share",
                        "created",
                        "updated_at",
                        "day",
                        "members",
                        "tags",
                        "totals",
                        "lead");
        assertThat(team.get("required"))
                .isEqualTo(List.of(
                        "name",
                        "active",
                        "size",
                        "share",
                        "created",
                        "updated_at",
                        "day",
                        "members",
                        "tags",
                        "totals"));
        assertThat(properties.get("name")).isEqualTo(Map.of("type", "string"));
        assertThat(properties.get("parent_team_id"))
                .isEqualTo(Map.of("type", List.of("integer", "null"), "format", "int64"));
        assertThat(properties.get("note")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat(properties.get("active")).isEqualTo(Map.of("type", "boolean"));
        assertThat(properties.get("size")).isEqualTo(Map.of("type", "integer", "format", "int32"));
        assertThat(properties.get("share")).isEqualTo(Map.of("type", "number"));
        assertThat(properties.get("created")).isEqualTo(Map.of("type", "string", "format", "date-time"));
        assertThat(properties.get("updated_at")).isEqualTo(Map.of("type", "string", "format", "date-time"));
        assertThat(properties.get("day")).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(properties.get("members"))
                .isEqualTo(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Member")));
        assertThat(properties.get("tags")).isEqualTo(Map.of("type", "array", "items", Map.of("type", "string")));
        assertThat(properties.get("totals"))
                .isEqualTo(
                        Map.of("type", "object", "additionalProperties", Map.of("type", "integer", "format", "int64")));
        assertThat(properties.get("lead"))
                .isEqualTo(Map.of(
                        "oneOf", List.of(Map.of("$ref", "#/components/schemas/Member"), Map.of("type", "null"))));
    }

    @Test
    void nestedRecordsAndEnumsAreNamedOnceAndEnumsUseTheirJsonNames() {
        var schemas = new OpenApiSchemas();
        schemas.of(TeamRequest.class);
        schemas.of(Member.class);
        assertThat(schemas.components().keySet()).containsExactly("Member", "Role", "TeamRequest");
        assertThat(schema(schemas, "Role")).isEqualTo(Map.of("type", "string", "enum", List.of("REP", "manager")));
        assertThat(((Map<?, ?>) schema(schemas, "Member").get("properties")).get("role"))
                .isEqualTo(Map.of("$ref", "#/components/schemas/Role"));
    }

    @Test
    void aRecordThatContainsItselfEnds() {
        var schemas = new OpenApiSchemas();
        schemas.of(Node.class);
        assertThat(((Map<?, ?>) schema(schemas, "Node").get("properties")).get("children"))
                .isEqualTo(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Node")));
    }

    @Test
    void aGenericRecordIsWrittenInPlaceWithItsTypeArgument() throws Exception {
        var schemas = new OpenApiSchemas();
        var page = schemas.of(Holder.class.getDeclaredMethod("page").getGenericReturnType());
        assertThat(page.get("type")).isEqualTo("object");
        var properties = (Map<?, ?>) page.get("properties");
        assertThat(properties.get("items"))
                .isEqualTo(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Member")));
        assertThat(properties.get("next")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat(page.get("required")).isEqualTo(List.of("items"));
        assertThat(schemas.components()).containsKey("Member").doesNotContainKey("ApiPage");

        var raw = schemas.of(Box.class);
        assertThat(((Map<?, ?>) raw.get("properties")).get("value")).isEqualTo(Map.of());
    }

    @Test
    void optionalWrappersMayBeAbsent() throws Exception {
        assertThat(OpenApiSchemas.optional(TeamRequest.class.getRecordComponents()[2].getGenericType()))
                .isTrue();
        assertThat(OpenApiSchemas.optional(String.class)).isFalse();
    }

    private static Map<?, ?> schema(OpenApiSchemas schemas, String name) {
        return (Map<?, ?>) schemas.components().get(name);
    }
}
