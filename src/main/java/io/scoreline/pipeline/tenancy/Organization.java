package io.scoreline.pipeline.tenancy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

/** A tenant: its KPIs are bucketed into {@code timezone} days and weeks starting on {@code weekStart}. */
public record Organization(
        long id, String slug, String name, ZoneId timezone, DayOfWeek weekStart, Instant createdAt) {}
