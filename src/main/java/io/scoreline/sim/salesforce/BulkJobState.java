package io.scoreline.sim.salesforce;

/** Bulk API 2.0 job states, spelled as the API (and Camel's enums) expect. */
enum BulkJobState {
    UploadComplete,
    InProgress,
    JobComplete,
    Failed,
    Aborted
}
