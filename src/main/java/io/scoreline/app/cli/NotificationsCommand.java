package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.gamification.notifications.Notification;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline notifications --org S [--profile EMAIL] [--limit N]}: newest first. */
@Command(name = "notifications",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline notifications --org acme",
                "  scoreline notifications --org acme --profile ana@acme.example --limit 20"},
        description = "Notifications of an organization's people, newest first.")
final class NotificationsCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--profile", paramLabel = "EMAIL", description = "Only this person")
    String profile;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    protected void validate() {
        if (limit < 1 || limit > 100_000) {
            throw ScorelineException.badInput("--limit must be from 1 to 100000, got " + limit);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organization = context.getBean(OrganizationStore.class).require(org);
        Optional<Long> profileId = Optional.empty();
        if (profile != null) {
            profileId = Optional.of(context.getBean(AwardReader.class).profileId(organization.id(), profile)
                    .orElseThrow(() -> ScorelineException.notFound("no profile '" + profile + "' in " + organization.slug())));
        }
        var notifications = context.getBean(NotificationStore.class).list(organization.id(), profileId, limit);
        if (output.json()) {
            notifications.forEach(n -> output.jsonLine(json(n)));
        } else if (notifications.isEmpty()) {
            output.line("No notifications in " + organization.slug() + (profile == null ? "" : " for " + profile));
        } else {
            output.table(List.of("PROFILE", "KIND", "CREATED_AT", "PAYLOAD"), notifications.stream()
                    .map(n -> List.of(n.profileEmail(), n.kind().key(), n.createdAt().toString(), n.payload()))
                    .toList());
        }
        return 0;
    }

    private static LinkedHashMap<String, Object> json(Notification notification) {
        var line = new LinkedHashMap<String, Object>();
        line.put("profile", notification.profileEmail());
        line.put("kind", notification.kind().key());
        line.put("dedupe_key", notification.dedupeKey());
        line.put("created_at", notification.createdAt().toString());
        line.put("payload", JsonText.parse(notification.payload()));
        return line;
    }
}
