package io.scoreline.sim.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How many records of one kind each rep produced on each day, as prefix sums over (day, rep) cells.
 * This is the only per-kind state the dataset keeps: a record index is mapped back to its rep and day
 * by binary search, so millions of records cost a few kilobytes.
 */
final class DailyVolume {

    private final int reps;
    private final long[] prefix;

    private DailyVolume(int reps, long[] prefix) {
        this.reps = reps;
        this.prefix = prefix;
    }

    static DailyVolume of(DatasetSpec spec, ActivityKind kind, List<Rep> roster) {
        int cells = spec.days() * spec.reps();
        long[] prefix = new long[cells + 1];
        double[] repIntensity = roster.stream()
                .mapToDouble(rep -> 0.6
                        + 0.8
                                * SeedMixer.random(spec.seed(), 7_002, rep.number())
                                        .nextDouble())
                .toArray();
        for (int day = 0; day < spec.days(); day++) {
            LocalDate date = spec.firstDay().plusDays(day);
            for (int rep = 0; rep < spec.reps(); rep++) {
                int cell = day * spec.reps() + rep;
                prefix[cell + 1] = prefix[cell] + count(spec, kind, roster.get(rep), date, day, repIntensity[rep]);
            }
        }
        return new DailyVolume(spec.reps(), prefix);
    }

    @SuppressWarnings("EnumOrdinal") // the seeded data set depends on it: another order would generate other data
    private static int count(DatasetSpec spec, ActivityKind kind, Rep rep, LocalDate date, int day, double intensity) {
        if (rep.deactivatedAt() != null
                && !date.atStartOfDay(spec.zone()).toInstant().isBefore(rep.deactivatedAt())) {
            return 0;
        }
        SplittableRandom random = SeedMixer.random(spec.seed(), 7_003, kind.ordinal(), rep.number(), day);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        double mean = meanPerDay(kind) * intensity * (0.7 + 0.6 * random.nextDouble());
        if (weekend) {
            mean = random.nextDouble() < 0.05 ? mean * 0.2 : 0;
        }
        // Adding a uniform draw before flooring keeps the expected count equal to the mean, also below 1.
        return (int) Math.floor(mean + random.nextDouble());
    }

    private static double meanPerDay(ActivityKind kind) {
        return switch (kind) {
            case CALL -> 36;
            case EMAIL -> 22;
            case MEETING -> 1.6;
            case TODO -> 3;
            case DEAL -> 0.4;
            case DEMO -> 0.6;
        };
    }

    long total() {
        return prefix[prefix.length - 1];
    }

    /** The (day, rep) cell holding record {@code index}. */
    Cell cellOf(long index) {
        if (index < 0 || index >= total()) {
            throw new IndexOutOfBoundsException("no generated record " + index);
        }
        int found = Arrays.binarySearch(prefix, index);
        // Empty cells share a prefix value; walk to the last cell starting at this index.
        int cell = found >= 0 ? found : -found - 2;
        while (cell + 1 < prefix.length - 1 && prefix[cell + 1] == index) {
            cell++;
        }
        return new Cell(cell / reps, cell % reps, index - prefix[cell]);
    }

    record Cell(int day, int rep, long slot) {}
}
