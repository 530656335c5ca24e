package io.scoreline.pipeline.goals;

import io.scoreline.pipeline.people.Role;
import java.util.Objects;

/** Whom a goal is for: one person, one team's total, or a default for a role or a team's members. */
public sealed interface GoalSubject {

    /** How {@code goals.subject_kind} and the CLI's JSON name it. */
    String kind();

    record Person(long profileId) implements GoalSubject {
        @Override
        public String kind() {
            return "person";
        }
    }

    /** The team's total, members of its sub-teams included. */
    record Team(long teamId) implements GoalSubject {
        @Override
        public String kind() {
            return "team";
        }
    }

    /** Every active person with that role who has no goal of their own or from a team. */
    record RoleDefault(Role role) implements GoalSubject {
        public RoleDefault {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String kind() {
            return "role";
        }
    }

    /** Every active member of the team or a team below it; the nearest such team up the tree wins. */
    record TeamMembers(long teamId) implements GoalSubject {
        @Override
        public String kind() {
            return "team_members";
        }
    }
}
