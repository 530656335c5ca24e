package io.scoreline.app.cli.apikey;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiKeys;
import io.scoreline.pipeline.access.IssuedApiKey;
import io.scoreline.pipeline.audit.Actor;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline apikey create}: prints the key once. */
@Command(
        name = "create",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline apikey create --org acme --name sales-app --scopes read",
            "  scoreline apikey create --org acme --name admin-ui --scopes admin --expires 2027-06-30 --json",
            "  scoreline apikey create --platform --name provisioning"
        },
        description = {
            "Create a key of the admin API and print it once: only its prefix and a keyed hash are stored.",
            "Scopes nest: admin includes write, write includes read."
        })
final class ApiKeyCreateCommand extends ContextCommand {

    @Option(names = "--org", paramLabel = "SLUG", description = "The organization the key acts for")
    String organization;

    @Option(names = "--platform", description = "A key of the installation: creates and lists organizations")
    boolean platform;

    @Option(names = "--name", required = true, description = "What the key is for, e.g. the app that uses it")
    String name;

    @Option(names = "--scopes", paramLabel = "read|write|admin", description = "What the key may do (default: read)")
    String scopes;

    @Option(
            names = "--expires",
            paramLabel = "DATE",
            description = "The key stops working when this day begins (UTC), YYYY-MM-DD")
    String expires;

    private ApiKeys.NewApiKey request;

    /** The {@code --json} line. */
    record CreatedLine(long id, String key, String prefix, List<String> scopes, String organization, String expires) {}

    @Override
    protected void validate() {
        if (platform == (organization != null)) {
            throw ScorelineException.badInput("give either --org SLUG or --platform");
        }
        if (platform && scopes != null && !"admin".equals(scopes)) {
            throw ScorelineException.badInput("a platform key has the admin scope; leave out --scopes");
        }
        request = ApiKeys.NewApiKey.of(name, platform ? "admin" : (scopes == null ? "read" : scopes), expires);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var keys = context.getBean(ApiKeys.class);
        IssuedApiKey issued = platform
                ? keys.createPlatform(request.name(), request.expires())
                : keys.create(organization, request, Actor.OPERATOR);
        if (output.json()) {
            output.jsonLine(new CreatedLine(
                    issued.id(),
                    issued.key().text(),
                    issued.key().shownPrefix(),
                    issued.scope().granted(),
                    issued.organization().orElse(null),
                    request.expires().map(Object::toString).orElse(null)));
        } else {
            output.line("Created API key " + issued.id() + " (" + issued.key().shownPrefix() + ", "
                    + issued.organization().map(o -> "organization " + o).orElse("platform") + ", scopes "
                    + String.join(",", issued.scope().granted()) + "). It is shown only now; keep it secret:");
            output.line(issued.key().text());
        }
        return 0;
    }
}
