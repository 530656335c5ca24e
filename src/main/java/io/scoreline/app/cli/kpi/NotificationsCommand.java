package io.scoreline.app.cli.kpi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.JsonText;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.notifications.Notification;
import io.scoreline.gamification.notifications.NotificationFeed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline notifications --org S [--profile EMAIL] [--limit N]}: newest first. */
@Command(
        name = "notifications",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline notifications --org acme",
            "  scoreline notifications --org acme --profile ana@acme.example --limit 20"
        },
        description = "Notifications of an organization's people, newest first.")
public final class NotificationsCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--profile", paramLabel = "EMAIL", description = "Only this person")
    String profile;

    @Option(
            names = "--limit",
            defaultValue = "100",
            paramLabel = "N",
            description = "At most N (default: ${DEFAULT-VALUE})")
    int limit;

    /** The {@code --json} line of DESIGN §10; the payload nested as JSON. */
    record NotificationLine(
            String profile,
            String kind,
            @JsonProperty("dedupe_key") String dedupeKey,
            @JsonProperty("created_at") Instant createdAt,
            JsonNode payload) {

        static NotificationLine of(Notification notification) {
            return new NotificationLine(
                    notification.profileEmail(),
                    notification.kind().key(),
                    notification.dedupeKey(),
                    notification.createdAt(),
                    JsonText.parse(notification.payload()));
        }
    }

    @Override
    protected void validate() {
        if (limit < 1 || limit > 100_000) {
            throw ScorelineException.badInput("--limit must be from 1 to 100000, got " + limit);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var listed = context.getBean(NotificationFeed.class).list(org, Optional.ofNullable(profile), limit);
        var organization = listed.organization();
        var notifications = listed.notifications();
        if (output.json()) {
            notifications.forEach(n -> output.jsonLine(NotificationLine.of(n)));
        } else if (notifications.isEmpty()) {
            output.line("No notifications in " + organization.slug() + (profile == null ? "" : " for " + profile));
        } else {
            output.table(
                    List.of("PROFILE", "KIND", "CREATED_AT", "PAYLOAD"),
                    notifications.stream()
                            .map(n -> List.of(
                                    n.profileEmail(),
                                    n.kind().key(),
                                    n.createdAt().toString(),
                                    n.payload()))
                            .toList());
        }
        return 0;
    }
}
