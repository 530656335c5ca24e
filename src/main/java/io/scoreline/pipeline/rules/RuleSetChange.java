package io.scoreline.pipeline.rules;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleChange;
import io.scoreline.pipeline.facts.MissingFields;
import java.util.List;

/** What {@link RuleSetVersions#set} did with a document. */
public sealed interface RuleSetChange {

    /** Every error and warning of the document, for the caller to show with the document's name. */
    List<Problem> problems();

    /** The document has errors: nothing was stored. */
    record Rejected(List<Problem> problems) implements RuleSetChange {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** The same text as the active version: nothing was stored, the active version stays. */
    record Unchanged(StoredRuleSet active, List<Problem> problems) implements RuleSetChange {
        public Unchanged {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Stored as the next version, now active; {@code changes} is empty when only the text differs.
     * {@code missing} names the fields the new rules read that stored records were not read with,
     * and what reading them again costs (ADR 0034): {@code remap} does that before it re-derives.
     */
    record Stored(StoredRuleSet stored, List<RuleChange> changes, List<Problem> problems, MissingFields missing)
            implements RuleSetChange {
        public Stored {
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }

        public Stored(StoredRuleSet stored, List<RuleChange> changes, List<Problem> problems) {
            this(stored, changes, problems, MissingFields.NONE);
        }
    }
}
