package io.scoreline.pipeline.facts;

/** What one page did: records stored, records skipped as older than what we hold, facts and cells changed. */
public record PageResult(int recordsStored, int staleRecordsSkipped, int factsChanged, int cellsChanged) {}
