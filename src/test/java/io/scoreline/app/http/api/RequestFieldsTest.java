package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    record Request(String from, @JsonProperty("dry_run") Boolean dryRun) {}

    @Test
    void aComponentIsNamedByItsJsonPropertyElseByItsName() {
        assertThat(RequestFields.of(Request.class)).containsExactlyInAnyOrder("from", "dry_run");
    }
}
