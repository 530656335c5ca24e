package io.scoreline.app.cli.goals;

import io.scoreline.pipeline.goals.GoalInput;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import picocli.CommandLine.Option;

/** Whom a goal is for: exactly one of --person, --team, --role, --team-members. */
final class GoalSubjectOptions {

    @Option(names = "--person", paramLabel = "EMAIL", description = "One person's goal")
    String person;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team's total (sub-teams included)")
    String team;

    @Option(names = "--role", paramLabel = "ROLE", description = "Default for every active person with the role")
    String role;

    @Option(
            names = "--team-members",
            paramLabel = "TEAM",
            description = "Default for the team's members, sub-teams included (the nearest team wins)")
    String teamMembers;

    GoalSubjectRef subject() {
        return GoalInput.subject(person, team, role, teamMembers, "--person", "--team", "--role", "--team-members");
    }
}
