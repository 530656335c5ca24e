package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DateTimeTextTest {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);

    @Test
    void datetimesReadAsTheFormatterWroteThem() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2024-05-17T14:03:22Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("2000-03-01T00:00:00.001Z"),
                Instant.parse("1900-02-28T12:00:00.5Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("0000-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-15T08:30:00Z"),
                LocalDateTime.MIN.toInstant(ZoneOffset.UTC),
                LocalDateTime.MAX.toInstant(ZoneOffset.UTC)));
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000)));
        }
        char[] text = new char[DateTimeText.MAX_LENGTH];

        for (Instant instant : instants) {
            assertThat(new String(text, 0, DateTimeText.dateTime(instant, text)))
                    .as("%s", instant)
                    .isEqualTo(DATETIME.format(instant));
        }
        assertThat(DateTimeText.dateTime(Instant.parse("2024-05-17T14:03:22Z")))
                .isEqualTo("2024-05-17T14:03:22.000+0000");
    }

    @Test
    void datesReadAsLocalDateWroteThem() {
        List<LocalDate> dates = new ArrayList<>(List.of(
                LocalDate.of(2024, 5, 7),
                LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31),
                LocalDate.of(0, 1, 1),
                LocalDate.of(-5, 3, 4),
                LocalDate.of(10_000, 1, 1),
                LocalDate.of(999, 9, 9),
                LocalDate.MIN,
                LocalDate.MAX));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            dates.add(LocalDate.ofEpochDay(random.nextLong(
                    LocalDate.of(1, 1, 1).toEpochDay(),
                    LocalDate.of(9999, 12, 31).toEpochDay() + 1)));
        }
        char[] text = new char[DateTimeText.MAX_LENGTH];

        for (LocalDate date : dates) {
            assertThat(new String(text, 0, DateTimeText.date(date, text)))
                    .as("%s", date)
                    .isEqualTo(date.toString());
        }
    }
}
