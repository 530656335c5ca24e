package io.scoreline.app.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session id's shape, its stored hash, and that it never shows itself. */
class SessionIdTest {

    @Test
    void aRandomIdParsesBackAndHashesTheSameAndPrintsNothing() {
        var id = SessionId.random();
        assertThat(id.text()).hasSize(43).matches("[A-Za-z0-9_-]+");
        var parsed = SessionId.parse(id.text()).orElseThrow();
        assertThat(parsed.hash()).isEqualTo(id.hash()).matches("[0-9a-f]{64}");
        assertThat(SessionId.random().hash()).isNotEqualTo(id.hash());
        assertThat(id.toString()).doesNotContain(id.text());
    }

    @Test
    void anythingButTheShapeOfAnIdIsNoSession() {
        assertThat(SessionId.parse("")).isEmpty();
        assertThat(SessionId.parse("a".repeat(42))).isEmpty();
        assertThat(SessionId.parse("a".repeat(44))).isEmpty();
        assertThat(SessionId.parse("a".repeat(42) + "=")).isEmpty();
        assertThat(SessionId.parse("a".repeat(42) + "'")).isEmpty();
        assertThat(SessionId.parse("a".repeat(43))).isPresent();
    }
}
