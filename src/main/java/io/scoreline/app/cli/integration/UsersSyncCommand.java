package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.people.TeamMove;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline users sync}: CRM users/owners → profiles by e-mail. */
@Command(
        name = "sync",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline users sync --integration 1",
            "  scoreline users sync --integration 1 --create-profiles",
            "  scoreline users sync --integration 1 --create-profiles --teams-from-crm --json"
        },
        description = "Import the CRM's users and link them to profiles by e-mail; --teams-from-crm also takes "
                + "teams and managers from the CRM (Salesforce role hierarchy and ManagerId, HubSpot primary team).")
final class UsersSyncCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--create-profiles", description = "Create profiles for active CRM users that match none")
    boolean createProfiles;

    @Option(
            names = "--teams-from-crm",
            description = "Also take teams and managers from the CRM; people whose CRM team changed are moved")
    boolean teamsFromCrm;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var result = context.getBean(CrmUserLinking.class).sync(integrationId, createProfiles, teamsFromCrm);
        if (output.json()) {
            output.jsonLine(new UsersSyncJson(
                    integrationId,
                    result.usersSeen(),
                    result.newlyLinked(),
                    result.profilesCreated(),
                    result.unmatched(),
                    teamsFromCrm ? result.moves().stream().map(MoveJson::of).toList() : null,
                    teamsFromCrm ? result.teamsCreated() : null,
                    teamsFromCrm ? result.managersChanged() : null));
        } else {
            output.line(result.usersSeen() + " CRM users: " + result.newlyLinked() + " newly linked, "
                    + result.profilesCreated()
                    + " profiles created, " + result.unmatched() + " unmatched"
                    + (result.unmatched() > 0
                            ? " (see `scoreline users unmatched --integration " + integrationId + "`)"
                            : "")
                    + (result.newlyLinked() > 0
                            ? "\nRun `scoreline remap --integration " + integrationId
                                    + "` to credit the facts already synced for newly linked users."
                            : ""));
            if (teamsFromCrm) {
                output.line("Teams from the CRM: " + result.teamsCreated() + " teams created, "
                        + result.moves().size() + " people moved, " + result.managersChanged() + " managers set");
                result.moves()
                        .forEach(m -> output.line(
                                "  moved " + m.email() + ": " + m.from().orElse("(no team)") + " -> " + m.to()));
            }
        }
        return 0;
    }

    record UsersSyncJson(
            long integration,
            int users,
            @JsonProperty("newly_linked") int newlyLinked,
            @JsonProperty("profiles_created") int profilesCreated,
            int unmatched,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<MoveJson> moves,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("teams_created")
            Integer teamsCreated,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("managers_changed")
            Integer managersChanged) {}

    /** One person moved: {@code from} is null the first time they get a team. */
    record MoveJson(String email, String from, String to) {
        static MoveJson of(TeamMove move) {
            return new MoveJson(move.email(), move.from().orElse(null), move.to());
        }
    }
}
