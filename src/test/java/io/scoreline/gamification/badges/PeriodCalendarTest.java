package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Period keys, with the week-based year edges that calendar-year week keys get wrong. */
class PeriodCalendarTest {

    private static final PeriodCalendar MONDAY = new PeriodCalendar(DayOfWeek.MONDAY);
    private static final PeriodCalendar SUNDAY = new PeriodCalendar(DayOfWeek.SUNDAY);

    @ParameterizedTest
    @CsvSource({
        "2025-12-28, week:2025-W52, 2025-12-22",
        "2025-12-29, week:2026-W01, 2025-12-29",
        "2026-01-04, week:2026-W01, 2025-12-29",
        "2026-01-05, week:2026-W02, 2026-01-05",
        "2026-12-28, week:2026-W53, 2026-12-28",
        "2027-01-03, week:2026-W53, 2026-12-28",
        "2027-01-04, week:2027-W01, 2027-01-04"
    })
    void isoWeeksOfMondayOrganizations(LocalDate day, String key, LocalDate first) {
        var week = MONDAY.periodOf(PeriodUnit.WEEK, day);
        assertThat(week.key()).isEqualTo(key);
        assertThat(week.from()).isEqualTo(first);
        assertThat(week.to()).isEqualTo(first.plusDays(6));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-03, week:2025-W53, 2025-12-28",
        "2026-01-04, week:2026-W01, 2026-01-04",
        "2026-10-31, week:2026-W43, 2026-10-25",
        "2026-11-01, week:2026-W44, 2026-11-01"
    })
    void sundayWeeksNumberTheirOwnWay(LocalDate day, String key, LocalDate first) {
        var week = SUNDAY.periodOf(PeriodUnit.WEEK, day);
        assertThat(week.key()).isEqualTo(key);
        assertThat(week.from()).isEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({
        "DAY, 2026-02-28, day:2026-02-28, 2026-02-28, 2026-02-28",
        "MONTH, 2026-02-14, month:2026-02, 2026-02-01, 2026-02-28",
        "QUARTER, 2026-05-31, quarter:2026-Q2, 2026-04-01, 2026-06-30",
        "YEAR, 2026-12-31, year:2026, 2026-01-01, 2026-12-31",
        "ALL, 2026-07-01, all, 1900-01-01, 9999-12-31"
    })
    void otherPeriods(PeriodUnit unit, LocalDate day, String key, LocalDate from, LocalDate to) {
        var period = MONDAY.periodOf(unit, day);
        assertThat(period).isEqualTo(new Period(unit, key, from, to));
        assertThat(period.contains(day)).isTrue();
    }
}
