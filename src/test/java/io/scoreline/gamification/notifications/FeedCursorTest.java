package io.scoreline.gamification.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void aCursorReadsBackAsItsPosition() {
        var cursor = new FeedCursor(81_234_567_890L, 42);
        assertThat(cursor.text()).matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.parse(cursor.text())).isEqualTo(cursor);
        assertThat(FeedCursor.parse(FeedCursor.START.text())).isEqualTo(FeedCursor.START);
    }

    @Test
    void textThatIsNotACursorIsBadInput() {
        for (var text : new String[] {
            "",
            "not*a*cursor",
            encoded("n1.1"),
            encoded("n1.-1.2"),
            encoded("n2.1.2"),
            encoded("n1.1.2.3"),
            encoded("n1.99999999999999999999.1")
        }) {
            assertThatThrownBy(() -> FeedCursor.parse(text))
                    .as(text)
                    .isInstanceOfSatisfying(
                            ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT));
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
