package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.facts.MissingFields;

/**
 * What {@code remap} would do before it re-derives (its dry run, ADR 0034): the stored records it
 * must read again because the active rules read fields they were not read with, and the API calls
 * that costs. Nothing missing means a remap spends no API call.
 */
public record RemapPlan(long integrationId, MissingFields missing) {}
