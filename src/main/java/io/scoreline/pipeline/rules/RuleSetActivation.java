package io.scoreline.pipeline.rules;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleChange;
import java.util.List;
import java.util.Optional;

/** What {@link RuleSetVersions#activate} did. */
public sealed interface RuleSetActivation {

    /** The version that is active now (or, when rejected, the version asked for, not active). */
    StoredRuleSet version();

    /** The version asked for was already the active one: nothing changed. */
    record AlreadyActive(StoredRuleSet version) implements RuleSetActivation {}

    /** The version no longer compiles against the integration's catalog: nothing changed. */
    record Rejected(StoredRuleSet version, List<Problem> problems) implements RuleSetActivation {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** The version is active now; {@code changes} from the version that was active before (if any). */
    record Activated(StoredRuleSet version, Optional<Integer> previousVersion, List<RuleChange> changes)
            implements RuleSetActivation {
        public Activated {
            changes = List.copyOf(changes);
        }
    }
}
