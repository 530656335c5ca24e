package io.scoreline.mappings.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    @ParameterizedTest
    @CsvSource({
        "2024-05-17T14:03:22.000+0000, 2024-05-17T14:03:22Z",
        "2024-05-17T14:03:22Z,         2024-05-17T14:03:22Z",
        "2024-05-17T16:03:22+02:00,    2024-05-17T14:03:22Z",
        "2024-05-17T09:03:22.5-0500,   2024-05-17T14:03:22.500Z",
        "2024-05-17T14:03:22.123456789Z, 2024-05-17T14:03:22.123456789Z",
        "2024-05-17t14:03:22z,         2024-05-17T14:03:22Z",
        "1715954602000,                2024-05-17T14:03:22Z",
        "2024-05-17T14:03Z,            2024-05-17T14:03:00Z",
    })
    void readsTheSpellingsCrmsSend(String text, String expected) {
        assertThat(TimestampParser.instant(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2024-02-30T10:00:00Z",
                "2024-05-17T24:00:00Z",
                "2024-05-17T14:03:22",
                "2024-05-17T14:03:22+25:00",
                "99999999999999999999"
            })
    void anythingElseIsNull(String text) {
        assertThat(TimestampParser.instant(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"2024-05-17, 2024-05-17", "1715904000000, 2024-05-17", "2024-05-17T23:30:00Z, 2024-05-17"})
    void datesAreTakenAsIsOrInUtc(String text, String expected) {
        assertThat(TimestampParser.date(text)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "%cancel%, Cancelled meeting, true",
        "%cancel%, Demo, false",
        "demo%, DEMO call, true",
        "%call, Demo CALL, true",
        "%call, call me, false",
        "a_c%, abcd, true",
        "a_c%, acd, false",
        "exact, EXACT, true"
    })
    void likeShapesMatchIgnoringCase(String pattern, String text, boolean expected) {
        var matcher = LikeMatcher.of(io.scoreline.mappings.ast.LikePattern.parse(pattern));

        assertThat(matcher.test(text)).isEqualTo(expected);
        assertThat(LikeMatcher.regex(io.scoreline.mappings.ast.LikePattern.parse(pattern))
                        .matcher(text)
                        .matches())
                .as("the regular expression agrees")
                .isEqualTo(expected);
    }
}
