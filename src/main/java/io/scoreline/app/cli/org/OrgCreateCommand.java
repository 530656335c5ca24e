package io.scoreline.app.cli.org;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.OrganizationView;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline org create}. */
@Command(
        name = "create",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline org create --slug acme --name \"Acme Corp\" --timezone Europe/Berlin",
            "  scoreline org create --slug globex --name Globex --timezone America/New_York --week-start sunday --json"
        },
        description = "Create an organization.")
final class OrgCreateCommand extends ContextCommand {

    @Option(names = "--slug", required = true, description = "Short unique name: lower-case letters, digits and '-'")
    String slug;

    @Option(names = "--name", required = true, description = "Display name")
    String name;

    @Option(
            names = "--timezone",
            required = true,
            paramLabel = "TZ",
            description = "IANA time zone KPI days are counted in, e.g. Europe/Berlin")
    String timezone;

    @Option(
            names = "--week-start",
            defaultValue = "monday",
            description = "First day of the week for weekly badges (default: ${DEFAULT-VALUE})")
    String weekStart;

    private NewOrganization request;

    @Override
    protected void validate() {
        // Rejected before the database starts: bad input costs nothing and writes nothing.
        request = NewOrganization.of(slug, name, timezone, weekStart);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organization = context.getBean(OrganizationSetup.class).create(request);
        if (output.json()) {
            output.jsonLine(OrganizationView.of(organization));
        } else {
            output.line("Created organization " + organization.slug() + " (id " + organization.id() + ", "
                    + organization.timezone().getId() + ", weeks start on "
                    + organization.weekStart().name().toLowerCase(Locale.ROOT) + ")");
        }
        return 0;
    }
}
