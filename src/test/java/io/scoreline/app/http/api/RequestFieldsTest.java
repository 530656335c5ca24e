package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request record's accepted fields are its JSON names: {@code @JsonProperty} where a component has one. */
class RequestFieldsTest {

    @Test
    void snakeCaseNamesComeFromJsonPropertyOnTheComponents() {
        assertThat(RequestFields.of(TeamRequest.class)).containsExactlyInAnyOrder("name", "parent_id");
        assertThat(RequestFields.of(ProfileChangeRequest.class))
                .containsExactlyInAnyOrder("team_id", "manager_id", "role", "active", "display_name");
    }
}
