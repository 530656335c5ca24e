package io.scoreline.pipeline.sync;

import java.time.Instant;
import java.util.List;

/** What a backfill would read: records per object in the window and the API calls it would spend. */
public record BackfillPlan(Instant from, Instant until, List<ObjectEstimate> objects) {

    public record ObjectEstimate(String objectType, long records, long apiCalls) {
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
