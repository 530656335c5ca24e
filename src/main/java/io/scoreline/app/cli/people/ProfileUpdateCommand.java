package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ProfileView;
import io.scoreline.pipeline.people.ProfileChange;
import io.scoreline.pipeline.people.Profiles;
import io.scoreline.pipeline.people.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline profile update}. */
@Command(
        name = "update",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline profile update --org acme --email ann@acme.example --team Nordics --manager bob@acme.example",
            "  scoreline profile update --org acme --email bob@acme.example --role manager --display-name \"Bob Park\"",
            "  scoreline profile update --org acme --email ann@acme.example --team none --active false --json"
        },
        description = "Change a person's team, manager, role, active flag or display name (by e-mail). "
                + "A person who changes team mid-contest stays with the team fixed at the contest's start.")
final class ProfileUpdateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--email", required = true, description = "Whose profile to change")
    String email;

    @Option(names = "--team", paramLabel = "TEAM", description = "New team; 'none' takes the person out of their team")
    String team;

    @Option(names = "--manager", paramLabel = "EMAIL", description = "New manager; 'none' removes the manager")
    String manager;

    @Option(names = "--role", paramLabel = "ROLE", description = "rep, manager or admin")
    String role;

    @Option(
            names = "--active",
            arity = "1",
            paramLabel = "true|false",
            description = "Active people are on leaderboards")
    Boolean active;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Name shown on leaderboards")
    String displayName;

    private ProfileChange change;

    @Override
    protected void validate() {
        change = new ProfileChange(
                ProfileChange.team(Optional.ofNullable(team)),
                ProfileChange.manager(Optional.ofNullable(manager)),
                Optional.ofNullable(role).map(Role::fromKey),
                Optional.ofNullable(active),
                Optional.ofNullable(displayName));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var updated = context.getBean(Profiles.class).update(org, email, change);
        var p = updated.profile();
        if (output.json()) {
            output.jsonLine(ProfileView.of(p));
        } else {
            output.line("Updated " + p.email() + " in " + updated.organization().slug() + ": team "
                    + p.team().orElse("-") + ", manager " + p.manager().orElse("-") + ", role "
                    + p.role().key()
                    + ", " + (p.active() ? "active" : "inactive"));
        }
        return 0;
    }
}
