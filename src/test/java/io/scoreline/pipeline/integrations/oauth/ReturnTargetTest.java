package io.scoreline.pipeline.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import org.junit.jupiter.api.Test;

/** The callback's return target: console paths only, never anything a browser would take off-site. */
class ReturnTargetTest {

    @Test
    void consolePathsAreKept() {
        assertThat(ReturnTarget.parse("/console/integrations")).isEqualTo("/console/integrations");
        assertThat(ReturnTarget.parse("/console/integrations?tab=crm")).isEqualTo("/console/integrations?tab=crm");
    }

    @Test
    void anythingElseIsRefused() {
        for (var bad : new String[] {
            "https://evil.example/console/",
            "//evil.example/console/",
            "/console//evil.example",
            "/console/\\evil.example",
            "/\\evil.example",
            "/api/v1/organization",
            "console/integrations",
            "/console/../api/v1",
            "/console/./x/..",
            "/console/a\r\nSet-Cookie: x=1",
            "/console/a b",
            "/console/x#frag",
            "javascript:alert(1)",
            "/console/" + "a".repeat(600)
        }) {
            assertThatThrownBy(() -> ReturnTarget.parse(bad))
                    .as(bad)
                    .isInstanceOf(ScorelineException.class)
                    .hasMessageContaining("return_to must be a path of the console");
        }
    }
}
