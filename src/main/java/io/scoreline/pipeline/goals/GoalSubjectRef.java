package io.scoreline.pipeline.goals;

import io.scoreline.pipeline.people.Role;
import java.util.Objects;

/** A goal's subject as the CLI and the API name it: a person by email, a team by name, a role. */
public sealed interface GoalSubjectRef {

    record Person(String email) implements GoalSubjectRef {
        public Person {
            Objects.requireNonNull(email, "email");
        }
    }

    record Team(String name) implements GoalSubjectRef {
        public Team {
            Objects.requireNonNull(name, "name");
        }
    }

    record RoleDefault(Role role) implements GoalSubjectRef {
        public RoleDefault {
            Objects.requireNonNull(role, "role");
        }
    }

    record TeamMembers(String name) implements GoalSubjectRef {
        public TeamMembers {
            Objects.requireNonNull(name, "name");
        }
    }
}
