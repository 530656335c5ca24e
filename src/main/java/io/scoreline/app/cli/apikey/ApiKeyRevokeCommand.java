package io.scoreline.app.cli.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.access.ApiKeys;
import io.scoreline.pipeline.audit.Actor;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline apikey revoke}: the key is refused from the next request on. */
@Command(
        name = "revoke",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline apikey revoke --id 3"},
        description = "Revoke an API key at once; revoking it again changes nothing.")
final class ApiKeyRevokeCommand extends ContextCommand {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The key's id (see `apikey list`)")
    long id;

    /** The {@code --json} line. */
    record RevokedLine(long id, @JsonProperty("revoked_at") Instant revokedAt) {}

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var revokedAt = context.getBean(ApiKeys.class).revoke(id, Actor.OPERATOR);
        if (output.json()) {
            output.jsonLine(new RevokedLine(id, revokedAt));
        } else {
            output.line("Revoked API key " + id + " (since " + revokedAt + ")");
        }
        return 0;
    }
}
