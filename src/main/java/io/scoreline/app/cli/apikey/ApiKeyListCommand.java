package io.scoreline.app.cli.apikey;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiKeyInfo;
import io.scoreline.pipeline.access.ApiKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline apikey list}: never the key, never its hash. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline apikey list --org acme", "  scoreline apikey list --platform --json"},
        description = "List an organization's API keys (or the platform keys): prefix, name, scopes, dates.")
final class ApiKeyListCommand extends ContextCommand {

    @Option(names = "--org", paramLabel = "SLUG", description = "The organization whose keys to list")
    String organization;

    @Option(names = "--platform", description = "List the platform keys instead")
    boolean platform;

    /** The {@code --json} line of one key. */
    record KeyLine(
            long id,
            String prefix,
            String name,
            List<String> scopes,
            Instant created,
            Instant lastUsed,
            Instant expires,
            Instant revoked) {}

    @Override
    protected void validate() {
        if (platform == (organization != null)) {
            throw ScorelineException.badInput("give either --org SLUG or --platform");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var keys = context.getBean(ApiKeys.class);
        var listed = platform ? keys.listPlatform() : keys.list(organization);
        if (output.json()) {
            listed.forEach(k -> output.jsonLine(new KeyLine(
                    k.id(),
                    k.prefix(),
                    k.name(),
                    k.scope().granted(),
                    k.createdAt(),
                    k.lastUsedAt().orElse(null),
                    k.expiresAt().orElse(null),
                    k.revokedAt().orElse(null))));
        } else if (listed.isEmpty()) {
            output.line(
                    "No API keys yet: create one with `scoreline apikey create --org SLUG --name NAME --scopes read`");
        } else {
            output.table(
                    List.of("ID", "PREFIX", "NAME", "SCOPES", "CREATED", "LAST USED", "EXPIRES", "STATUS"),
                    listed.stream().map(ApiKeyListCommand::row).toList());
        }
        return 0;
    }

    private static List<String> row(ApiKeyInfo k) {
        return List.of(
                Long.toString(k.id()),
                k.prefix(),
                k.name(),
                String.join(",", k.scope().granted()),
                k.createdAt().toString(),
                text(k.lastUsedAt(), "never"),
                text(k.expiresAt(), "never"),
                k.revokedAt().map(r -> "revoked " + r).orElse("active"));
    }

    private static String text(Optional<Instant> instant, String none) {
        return instant.map(Instant::toString).orElse(none);
    }
}
