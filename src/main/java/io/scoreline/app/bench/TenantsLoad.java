package io.scoreline.app.bench;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What {@code bench tenants} runs.
 *
 * @param integrations     organizations, one integration each, Salesforce and HubSpot in turn
 * @param nodes            scheduler nodes on the one database (1 or 2)
 * @param reps             reps in the simulated CRM every integration reads
 * @param liveRate         records the simulated CRM creates, edits or deletes per minute
 * @param schedulerThreads each node's {@code SCORELINE_SCHEDULER_THREADS}; empty = the default
 * @param timeout          how long the pass may take before the benchmark reports what it has
 */
public record TenantsLoad(
        int integrations, int nodes, int reps, int liveRate, OptionalInt schedulerThreads, Duration timeout) {}
