/** Sync orchestration: runs of an integration through its connector into the transactional page writer. */
package io.scoreline.pipeline.sync;
