/** Sync runs and their cursors: what ran, how far it got, and where the next run starts. */
package io.scoreline.pipeline.runs;
