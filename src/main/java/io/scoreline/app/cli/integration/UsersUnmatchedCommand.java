package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.micronaut.context.ApplicationContext;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline users unmatched}: CRM users whose KPIs are credited to nobody yet. */
@Command(name = "unmatched",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline users unmatched --integration 1"},
        description = "List CRM users that match no profile.")
final class UsersUnmatchedCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        var unmatched = context.getBean(CrmIdentityStore.class).unmatched(integration.organizationId(), integrationId);
        if (output.json()) {
            unmatched.forEach(u -> {
                var line = new LinkedHashMap<String, Object>();
                line.put("crm_user_id", u.crmUserId());
                line.put("email", u.email().orElse(null));
                line.put("name", u.name().orElse(null));
                line.put("active", u.active());
                output.jsonLine(line);
            });
        } else if (unmatched.isEmpty()) {
            output.line("Every CRM user of integration " + integrationId + " is linked to a profile");
        } else {
            output.table(List.of("CRM USER", "EMAIL", "NAME", "ACTIVE"), unmatched.stream()
                    .map(u -> List.of(u.crmUserId(), u.email().orElse("-"), u.name().orElse("-"), u.active() ? "yes" : "no"))
                    .toList());
        }
        return 0;
    }
}
