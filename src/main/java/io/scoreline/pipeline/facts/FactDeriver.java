package io.scoreline.pipeline.facts;

import io.scoreline.connectors.spi.CrmRecord;
import java.util.List;
import java.util.Set;

/**
 * Turns one live (not deleted) CRM record into its facts under the active rule set. The
 * pipeline never evaluates rules itself; this is where the mapping language plugs in.
 */
@FunctionalInterface
public interface FactDeriver {

    /** At most one fact per KPI key. */
    List<DerivedFact> derive(CrmRecord record);

    /** The id of the rule set version the facts come from, recorded with each fact. */
    default Long ruleSetId() {
        return null;
    }

    /**
     * The fields the rules read on {@code objectType}: what a record must have been read with for
     * its facts to be derived (ADR 0034), and what a record read for these rules is stored as
     * having. A deriver that reads no field (a test's) needs none.
     */
    default Set<String> fieldsRead(String objectType) {
        return Set.of();
    }

    /**
     * The KPI keys of snapshot rules (ADR 0043): their facts describe a state, never summed into
     * {@code kpi_values}, and give each person one snapshot row per day instead.
     */
    default Set<String> snapshotKpis() {
        return Set.of();
    }
}
