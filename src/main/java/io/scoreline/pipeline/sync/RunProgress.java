package io.scoreline.pipeline.sync;

/**
 * How far a run started in this process has got in the object it reads now: the records its
 * count expected and the records committed since it began that object.
 */
public record RunProgress(String object, long expectedRecords, long recordsDone) {}
