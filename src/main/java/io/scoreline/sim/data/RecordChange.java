package io.scoreline.sim.data;

/** A change applied to the dataset after generation (live mode, tests), as emitters see it. */
public sealed interface RecordChange {

    Activity after();

    record Created(Activity after) implements RecordChange {}

    record Updated(Activity before, Activity after) implements RecordChange {}

    record Deleted(Activity before, Activity after) implements RecordChange {}
}
