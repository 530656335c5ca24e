package io.scoreline.app.cli.people;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ProfileView;
import io.scoreline.pipeline.people.NewProfile;
import io.scoreline.pipeline.people.ProfileRef;
import io.scoreline.pipeline.people.Profiles;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.people.TeamRef;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline profile create}. */
@Command(
        name = "create",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline profile create --org acme --email ann@acme.example --display-name \"Ann Lee\" --team EMEA",
            "  scoreline profile create --org acme --email bob@acme.example --role manager --json"
        },
        description = "Create a profile (a person KPIs are credited to once a CRM user with that e-mail is linked).")
final class ProfileCreateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--email", required = true, description = "The person's e-mail, as in the CRM")
    String email;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Name shown on leaderboards")
    String displayName;

    @Option(names = "--team", paramLabel = "TEAM", description = "Team to put the person in")
    String team;

    @Option(names = "--manager", paramLabel = "EMAIL", description = "The person's manager (an existing profile)")
    String manager;

    @Option(names = "--role", defaultValue = "rep", description = "rep, manager or admin (default: ${DEFAULT-VALUE})")
    String role;

    private NewProfile request;

    @Override
    protected void validate() {
        request = new NewProfile(
                email,
                Optional.ofNullable(displayName),
                Optional.ofNullable(team).map(TeamRef.Named::new),
                Optional.ofNullable(manager).map(ProfileRef.Email::new),
                Role.fromKey(role));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var created = context.getBean(Profiles.class).create(org, request);
        if (output.json()) {
            output.jsonLine(ProfileView.of(created.profile()));
        } else {
            output.line("Created profile " + created.profile().email() + " ("
                    + created.profile().role().key() + ") in "
                    + created.organization().slug());
        }
        return 0;
    }
}
