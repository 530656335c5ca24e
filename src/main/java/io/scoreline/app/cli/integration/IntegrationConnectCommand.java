package io.scoreline.app.cli.integration;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.ChoiceOption;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.integrations.oauth.OAuthConnections;
import io.scoreline.pipeline.integrations.oauth.OAuthProgress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration connect --oauth}: prints the CRM's authorize URL and waits until the
 * browser has come back to the callback of {@code scoreline serve} (ADR 0051), then prints the
 * integration as {@code integration add} does.
 */
@Command(
        name = "connect",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration connect --oauth --org acme --provider salesforce",
            "  scoreline integration connect --oauth --org acme --provider hubspot --portal-id 4242",
            "  scoreline integration connect --oauth --org acme --provider salesforce --integration 7"
        },
        description = "Connect a Salesforce org or HubSpot portal through the CRM's consent page; the callback is"
                + " answered by `scoreline serve`, which must be running.")
final class IntegrationConnectCommand extends ContextCommand {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    @Option(names = "--oauth", required = true, description = "Use the CRM's OAuth authorization-code flow")
    boolean oauth;

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--provider", required = true, description = "salesforce or hubspot")
    String provider;

    @Option(
            names = "--login-url",
            paramLabel = "URL",
            description = "Salesforce login URL (default: https://login.salesforce.com)")
    String loginUrl;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "HubSpot API base URL (default: https://api.hubapi.com)")
    String baseUrl;

    @Option(names = "--portal-id", description = "HubSpot portal (hub) id; routes webhooks to this integration")
    String portalId;

    @Option(
            names = "--integration",
            paramLabel = "ID",
            description = "Give this integration new credentials instead of adding one")
    Long integration;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "How long to wait for the browser, at most the attempt's 10 minutes (default: PT10M)")
    String timeout;

    private CrmProvider crmProvider;
    private Duration wait;

    @Override
    protected void validate() {
        crmProvider = ChoiceOption.provider(provider);
        if (integration != null && (loginUrl != null || baseUrl != null || portalId != null)) {
            throw ScorelineException.badInput(
                    "--integration keeps the integration's settings: leave out --login-url, --base-url and --portal-id");
        }
        try {
            wait = timeout == null ? OAuthConnections.STATE_LIFETIME : Duration.parse(timeout);
        } catch (DateTimeParseException e) {
            throw ScorelineException.badInput(
                    "--timeout must be an ISO-8601 duration such as PT5M, got '" + timeout + "'");
        }
        if (wait.isNegative() || wait.isZero() || wait.compareTo(OAuthConnections.STATE_LIFETIME) > 0) {
            throw ScorelineException.badInput("--timeout must be more than 0 and at most PT10M, got '" + timeout + "'");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var connections = context.getBean(OAuthConnections.class);
        var config = context.getBean(ScorelineConfig.class);
        // The browser reaches `serve` where the CRM sends it: the public URL, or this machine's port.
        var serverBase =
                config.webhooks().publicBaseUrl().orElseGet(() -> URI.create("http://localhost:" + config.httpPort()));
        var started = connections.start(
                org,
                new OAuthConnections.StartRequest(
                        crmProvider,
                        new ConnectionOptions(
                                Optional.ofNullable(loginUrl),
                                Optional.ofNullable(baseUrl),
                                Optional.ofNullable(portalId)),
                        integration == null ? OptionalLong.empty() : OptionalLong.of(integration),
                        Optional.empty()),
                serverBase,
                Actor.OPERATOR);
        var err = spec.commandLine().getErr();
        err.println("Open this URL in a browser and allow access (before " + started.expiresAt() + "):");
        err.println(started.authorizeUrl());
        err.flush();
        if (!output.json()) {
            output.line(started.authorizeUrl().toString());
        }
        var organizationId = started.organization().id();
        var deadline = Instant.now().plus(wait);
        var nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (true) {
            var progress = connections.progress(organizationId, started.attemptId());
            switch (progress) {
                case OAuthProgress.Finished finished -> {
                    var outcome = finished.outcome();
                    if (!outcome.connected()) {
                        throw new ScorelineException(
                                FailureKind.AUTH, "not connected (" + outcome.reason() + "): " + outcome.message());
                    }
                    var connected = finished.integration()
                            .orElseThrow(() -> ScorelineException.notFound("the connected integration is gone"));
                    if (output.json()) {
                        output.jsonLine(IntegrationJson.of(
                                connected, started.organization().slug(), Optional.empty()));
                    } else {
                        output.line((integration == null ? "Connected " : "Reconnected ")
                                + connected.provider().key()
                                + " integration " + connected.id() + " to "
                                + started.organization().slug()
                                + " (its scheduled syncs start at minute :"
                                + String.format("%02d", connected.scheduleMinute())
                                + " of the hour; `scoreline serve` runs them)");
                    }
                    return 0;
                }
                case OAuthProgress.Expired expired ->
                    throw ScorelineException.badInput("nobody came back from the consent page before "
                            + expired.expiredAt() + "; run this again");
                case OAuthProgress.Waiting waiting -> {
                    // The CLI is an entry point waiting on a person: the wall clock is what it waits by.
                    var now = Instant.now();
                    if (!now.isBefore(deadline)) {
                        throw new ScorelineException(
                                FailureKind.RETRYABLE,
                                "gave up waiting after " + wait + "; the attempt stays open until "
                                        + waiting.expiresAt());
                    }
                    if (!now.isBefore(nextProgress)) {
                        err.println("still waiting for the browser ("
                                + Duration.between(now, deadline).toSeconds() + " s left)");
                        err.flush();
                        nextProgress = now.plus(PROGRESS_EVERY);
                    }
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while waiting for the browser", e);
        }
    }
}
