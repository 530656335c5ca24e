package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.identities.CrmUserLinking;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline users unmatched}: CRM users whose KPIs are credited to nobody yet. */
@Command(
        name = "unmatched",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline users unmatched --integration 1"},
        description = "List CRM users that match no profile.")
final class UsersUnmatchedCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var unmatched = context.getBean(CrmUserLinking.class).unmatched(integrationId);
        if (output.json()) {
            unmatched.forEach(u -> output.jsonLine(new UnmatchedJson(
                    u.crmUserId(), u.email().orElse(null), u.name().orElse(null), u.active())));
        } else if (unmatched.isEmpty()) {
            output.line("Every CRM user of integration " + integrationId + " is linked to a profile");
        } else {
            output.table(
                    List.of("CRM USER", "EMAIL", "NAME", "ACTIVE"),
                    unmatched.stream()
                            .map(u -> List.of(
                                    u.crmUserId(),
                                    u.email().orElse("-"),
                                    u.name().orElse("-"),
                                    u.active() ? "yes" : "no"))
                            .toList());
        }
        return 0;
    }

    record UnmatchedJson(@JsonProperty("crm_user_id") String crmUserId, String email, String name, boolean active) {}
}
