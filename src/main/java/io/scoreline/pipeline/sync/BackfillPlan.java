package io.scoreline.pipeline.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a backfill would read: records per object in the window and the API calls it would spend. */
public record BackfillPlan(Instant from, Instant until, List<ObjectEstimate> objects) {

    /**
     * @param readMode  {@code rest} (query pages) or {@code bulk} (the CRM's bulk API, above the bulk threshold)
     * @param pushDown  the rule filter added to the query, if any
     * @param pushNote  {@code pushed}, or why no filter is pushed
     */
    public record ObjectEstimate(
            String objectType,
            long records,
            long apiCalls,
            String readMode,
            Optional<String> pushDown,
            String pushNote) {

        public ObjectEstimate(String objectType, long records, long apiCalls) {
            this(objectType, records, apiCalls, "rest", Optional.empty(), "not considered");
        }
    }

    public BackfillPlan {
        objects = List.copyOf(objects);
    }

    public long records() {
        return objects.stream().mapToLong(ObjectEstimate::records).sum();
    }

    public long apiCalls() {
        return objects.stream().mapToLong(ObjectEstimate::apiCalls).sum();
    }
}
