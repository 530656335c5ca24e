package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

/** A request record's accepted fields are its JSON names: {@code @JsonProperty} where a component has one. */
class RequestFieldsTest {

    record Request(String from, @JsonProperty("dry_run") Boolean dryRun) {}

    @Test
    void snakeCaseNamesComeFromJsonPropertyOnTheComponents() {
        assertThat(RequestFields.of(TeamRequest.class)).containsExactlyInAnyOrder("name", "parent_id");
        assertThat(RequestFields.of(ProfileChangeRequest.class))
                .containsExactlyInAnyOrder("team_id", "manager_id", "role", "active", "display_name");
    }

    @Test
    void aComponentIsNamedByItsJsonPropertyElseByItsName() {
        assertThat(RequestFields.of(Request.class)).containsExactlyInAnyOrder("from", "dry_run");
    }
}
