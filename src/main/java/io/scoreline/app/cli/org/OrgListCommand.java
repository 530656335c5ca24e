package io.scoreline.app.cli.org;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.OrganizationView;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code scoreline org list}. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline org list", "  scoreline org list --json"},
        description = "List organizations.")
final class OrgListCommand extends ContextCommand {

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organizations = context.getBean(OrganizationSetup.class).list();
        if (output.json()) {
            organizations.forEach(o -> output.jsonLine(OrganizationView.of(o)));
        } else if (organizations.isEmpty()) {
            output.line("No organizations yet: create one with `scoreline org create --slug S --name N --timezone TZ`");
        } else {
            output.table(
                    List.of("ID", "SLUG", "NAME", "TIMEZONE", "WEEK START"),
                    organizations.stream()
                            .map(o -> List.of(
                                    Long.toString(o.id()),
                                    o.slug(),
                                    o.name(),
                                    o.timezone().getId(),
                                    o.weekStart().name().toLowerCase(Locale.ROOT)))
                            .toList());
        }
        return 0;
    }
}
