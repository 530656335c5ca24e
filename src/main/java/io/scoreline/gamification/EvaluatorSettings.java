package io.scoreline.gamification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the evaluator runs: {@code workers} polling threads per {@code serve} node (0: none), how long
 * an idle worker waits before looking again, how many outbox rows one claim takes, which weekdays
 * count for day streaks, and how many earlier periods a personal best needs before it is awarded.
 */
public record EvaluatorSettings(
        int workers, Duration pollInterval, int batchSize, Set<DayOfWeek> workingDays, int personalBestMinHistory) {

    public EvaluatorSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (workers < 0 || batchSize < 1 || personalBestMinHistory < 1 || workingDays.isEmpty()) {
            throw new IllegalArgumentException("invalid evaluator settings");
        }
        workingDays = Set.copyOf(workingDays);
    }

    public static EvaluatorSettings defaults() {
        return new EvaluatorSettings(
                2, Duration.ofSeconds(1), 2000, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 4);
    }

    public EvaluatorSettings withWorkers(int count) {
        return new EvaluatorSettings(count, pollInterval, batchSize, workingDays, personalBestMinHistory);
    }

    public EvaluatorSettings withBatchSize(int size) {
        return new EvaluatorSettings(workers, pollInterval, size, workingDays, personalBestMinHistory);
    }
}
