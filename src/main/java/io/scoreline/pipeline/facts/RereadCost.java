package io.scoreline.pipeline.facts;

import java.util.OptionalLong;

/**
 * What reading stored records again costs (ADR 0034), priced both ways the CRM allows, and the
 * way {@code remap} will take: by id, or (above the bulk threshold, where the CRM has a bulk API)
 * one bulk query of the object that keeps only the records that lack fields.
 *
 * @param byIdCalls about how many calls reading them by id costs
 * @param bulkCalls about how many calls a bulk read costs; empty when the CRM has no bulk API
 * @param inBulk    whether {@code remap} reads them in bulk
 */
public record RereadCost(long byIdCalls, OptionalLong bulkCalls, boolean inBulk) {

    public RereadCost {
        if (inBulk && bulkCalls.isEmpty()) {
            throw new IllegalArgumentException("a bulk re-read needs a bulk price");
        }
    }

    /** A re-read by id, the only way. */
    public static RereadCost byId(long calls) {
        return new RereadCost(calls, OptionalLong.empty(), false);
    }

    /** The calls of the way that will be taken. */
    public long apiCalls() {
        return inBulk ? bulkCalls.orElseThrow() : byIdCalls;
    }

    /** {@code bulk} or {@code by id}, as a dry run shows it. */
    public String mode() {
        return inBulk ? "bulk" : "by id";
    }
}
