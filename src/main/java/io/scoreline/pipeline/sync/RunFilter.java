package io.scoreline.pipeline.sync;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which runs a listing shows: of one integration, of one kind (trigger), in one status; any when empty. */
public record RunFilter(Optional<Long> integrationId, Optional<SyncTrigger> kind, Optional<SyncStatus> status) {

    /** A trigger by its key ({@code manual}, {@code backfill}, …), refused naming the keys. */
    public static SyncTrigger kind(String key) {
        return Arrays.stream(SyncTrigger.values())
                .filter(t -> t.key().equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput("unknown kind " + key + "; one of: "
                        + Arrays.stream(SyncTrigger.values())
                                .map(SyncTrigger::key)
                                .collect(Collectors.joining(", "))));
    }

    /** A status by its key ({@code running}, {@code succeeded}, …), refused naming the keys. */
    public static SyncStatus status(String key) {
        return Arrays.stream(SyncStatus.values())
                .filter(s -> s.key().equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput("unknown status " + key + "; one of: "
                        + Arrays.stream(SyncStatus.values())
                                .map(SyncStatus::key)
                                .collect(Collectors.joining(", "))));
    }
}
