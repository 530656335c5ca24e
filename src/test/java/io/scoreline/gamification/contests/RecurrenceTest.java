package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void weeksFollowEachOtherFromTheFirstDay() {
        var anchor = day("2026-10-19");
        assertThat(Recurrence.WEEK.end(anchor, 0)).isEqualTo(day("2026-10-25"));
        assertThat(Recurrence.WEEK.start(anchor, 2)).isEqualTo(day("2026-11-02"));
        assertThat(Recurrence.WEEK.periodOf(anchor, day("2026-10-25"))).isZero();
        assertThat(Recurrence.WEEK.periodOf(anchor, day("2026-10-26"))).isEqualTo(1);
        assertThat(Recurrence.WEEK.periodOf(anchor, day("2026-10-18"))).isEqualTo(-1);
    }

    @Test
    void monthsStartingOnThe31stShortenInShortMonthsAndNeverOverlap() {
        var anchor = day("2027-01-31");
        assertThat(Recurrence.MONTH.end(anchor, 0)).isEqualTo(day("2027-02-27"));
        assertThat(Recurrence.MONTH.start(anchor, 1)).isEqualTo(day("2027-02-28"));
        assertThat(Recurrence.MONTH.end(anchor, 1)).isEqualTo(day("2027-03-30"));
        assertThat(Recurrence.MONTH.periodOf(anchor, day("2027-02-27"))).isZero();
        assertThat(Recurrence.MONTH.periodOf(anchor, day("2027-02-28"))).isEqualTo(1);
        assertThat(Recurrence.MONTH.periodOf(anchor, day("2027-03-31"))).isEqualTo(2);
    }

    @Test
    void everyIsWeekOrMonth() {
        assertThat(Recurrence.parse(" Weekly ", "--every")).isEqualTo(Recurrence.WEEK);
        assertThatThrownBy(() -> Recurrence.parse("day", "--every"))
                .hasMessage("--every must be week or month, got 'day'");
    }
}
