package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ProfileView;
import io.scoreline.pipeline.people.ProfileFilter;
import io.scoreline.pipeline.people.ProfileRef;
import io.scoreline.pipeline.people.Profiles;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.people.TeamRef;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline profile list}. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline profile list --org acme",
            "  scoreline profile list --org acme --team EMEA --role rep --active true --json",
            "  scoreline profile list --org acme --manager bob@acme.example"
        },
        description = "List profiles; --team includes the people of its sub-teams.")
final class ProfileListCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--team", paramLabel = "TEAM", description = "Only people in this team or its sub-teams")
    String team;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only this role: rep, manager or admin")
    String role;

    @Option(
            names = "--active",
            arity = "1",
            paramLabel = "true|false",
            description = "Only active (true) or inactive (false) people")
    Boolean active;

    @Option(names = "--manager", paramLabel = "EMAIL", description = "Only the direct reports of this person")
    String manager;

    private ProfileFilter filter;

    @Override
    protected void validate() {
        filter = new ProfileFilter(
                Optional.ofNullable(team).map(TeamRef.Named::new),
                Optional.ofNullable(role).map(Role::fromKey),
                Optional.ofNullable(active),
                Optional.ofNullable(manager).map(ProfileRef.Email::new));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var listed = context.getBean(Profiles.class).list(org, filter);
        if (output.json()) {
            listed.profiles().forEach(p -> output.jsonLine(ProfileView.of(p)));
        } else if (listed.profiles().isEmpty()) {
            output.line("No profiles match in " + listed.organization().slug());
        } else {
            output.table(
                    List.of("EMAIL", "NAME", "TEAM", "MANAGER", "ROLE", "ACTIVE"),
                    listed.profiles().stream()
                            .map(p -> List.of(
                                    p.email(),
                                    p.displayName().orElse("-"),
                                    p.team().orElse("-"),
                                    p.manager().orElse("-"),
                                    p.role().key(),
                                    p.active() ? "yes" : "no"))
                            .toList());
        }
        return 0;
    }
}
