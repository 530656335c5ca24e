package io.scoreline.app.cli.org;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.OrganizationView;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.OrganizationChange;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline org update}: the same change as {@code PATCH /api/v1/organization}. */
@Command(
        name = "update",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline org update --org acme --name \"Acme Europe\"",
            "  scoreline org update --org acme --timezone Europe/Paris --week-start sunday --json"
        },
        description = "Change an organization's name, time zone or week start (new KPI days and weeks use them).")
final class OrgUpdateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "The organization")
    String organization;

    @Option(names = "--name", description = "New display name")
    String name;

    @Option(names = "--timezone", paramLabel = "TZ", description = "New IANA time zone, e.g. Europe/Berlin")
    String timezone;

    @Option(names = "--week-start", paramLabel = "DAY", description = "New first day of the week")
    String weekStart;

    private OrganizationChange change;

    @Override
    protected void validate() {
        change = OrganizationChange.of(name, timezone, weekStart);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var updated = context.getBean(OrganizationSetup.class).update(organization, change, Actor.OPERATOR);
        if (output.json()) {
            output.jsonLine(OrganizationView.of(updated));
        } else {
            output.line("Updated organization " + updated.slug() + " (" + updated.name() + ", "
                    + updated.timezone().getId() + ", weeks start on "
                    + updated.weekStart().name().toLowerCase(Locale.ROOT) + ")");
        }
        return 0;
    }
}
