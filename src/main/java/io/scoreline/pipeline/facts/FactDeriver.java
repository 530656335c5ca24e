package io.scoreline.pipeline.facts;

import io.scoreline.connectors.spi.CrmRecord;
import java.util.List;

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
}
