package io.scoreline.app.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.background.BackgroundWorkSupervisor;
import io.scoreline.app.background.HttpIntake;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.http.WebhookController;
import io.scoreline.gamification.KpiChangeWorkers;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.access.ApiKeys;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.people.Teams;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.sync.ProgressListener;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.http.RetrySchedule;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;

/**
 * One {@code scoreline demo} run: simulators, organization, backfill, summary, then the live phase
 * (server, compressed schedule, simulated activity) until the time is up or the operator stops it.
 */
public final class DemoRun {

    private static final String HUBSPOT_WEBHOOKS = "hubspot_webhooks";
    private static final String CONSOLE = "console";
    private static final String SALESFORCE_WEBHOOKS = "salesforce_webhooks";

    private final ApplicationContext context;
    private final DemoSettings settings;
    private final CliOutput output;
    private final Supplier<ProgressListener> progress;
    private final Clock clock;

    public DemoRun(
            ApplicationContext context, DemoSettings settings, CliOutput output, Supplier<ProgressListener> progress) {
        this.context = context;
        this.settings = settings;
        this.output = output;
        this.progress = progress;
        this.clock = context.getBean(Clock.class);
    }

    public void run(EmbeddedServer server, StopSignal stop) throws InterruptedException {
        var transactions = context.getBean(TenantTransactions.class);
        var tenant = new DemoTenant(
                context.getBean(OrganizationStore.class),
                context.getBean(IntegrationOnboarding.class),
                context.getBean(RuleSetVersions.class),
                context.getBean(CrmIdentityStore.class),
                context.getBean(Teams.class),
                context.getBean(CrmUserLinking.class));
        var contests = context.getBean(ContestStore.class);
        var scenario = new DemoScenario(
                tenant,
                context.getBean(OnDemandRuns.class),
                context.getBean(KpiChangeWorkers.class),
                new DemoContest(contests, context.getBean(ContestLifecycle.class), clock),
                new DemoGoal(context.getBean(Goals.class)),
                new DemoSummaryReader(
                        transactions,
                        context.getBean(KpiValueReader.class),
                        contests,
                        context.getBean(AwardReader.class)),
                clock);
        // Before anything starts: an organization called demo that the demo did not create stops it here.
        tenant.requireResettable();
        try (var sims = new DemoSimulators(settings, clock)) {
            say("Simulators: Salesforce at " + sims.salesforce().instanceUrl() + " (seed " + settings.seed()
                    + "), HubSpot at "
                    + sims.hubSpot().baseUrl() + " (seed " + (settings.seed() + 1) + "); " + settings.repsPerCrm()
                    + " reps and " + settings.days() + " days of history each");
            var created = scenario.setUp(sims);
            say((created.replacedEarlier()
                            ? "Organization 'demo' from an earlier demo run deleted and created again"
                                    + " (each run starts fresh simulators, so its data is replaced, not merged)"
                            : "Organization 'demo' created")
                    + "; time zone " + created.organization().timezone() + ", teams '" + DemoTenant.OUTBOUND_TEAM
                    + "' and '"
                    + DemoTenant.INBOUND_TEAM + "'");
            say("Connected Salesforce (integration " + created.salesforce().id() + ", "
                    + created.salesforceUsers().usersSeen()
                    + " users) and HubSpot (integration " + created.hubSpot().id() + ", "
                    + created.hubSpotUsers().usersSeen()
                    + " owners) with the stock mapping rules and " + DemoTenant.CUSTOM_FIELD_KPI
                    + " on Salesforce's custom field Task.Call_Outcome__c; "
                    + (created.salesforceUsers().profilesCreated()
                            + created.hubSpotUsers().profilesCreated()) + " profiles created from their e-mails");
            scenario.backfill(created, settings, progress, this::say);
            scenario.evaluate(this::say);
            var started = scenario.startContests(created, settings);
            boolean live = !settings.liveFor().isZero();
            if (live) {
                server.start();
            }
            var summary = scenario.summary(created, settings, started, endpoints(server, created, live));
            new DemoSummaryOutput(output).print(summary, live);
            if (!output.json()) {
                // Printed once, like `apikey create`: a read+write key of the demo organization for the console.
                var consoleKey = context.getBean(ApiKeys.class)
                        .create(
                                DemoTenant.SLUG,
                                new ApiKeys.NewApiKey("console (demo)", Scope.WRITE, Optional.empty()),
                                Actor.OPERATOR);
                say("Console: " + summary.endpoints().get(CONSOLE) + " (sign in with the demo's API key "
                        + consoleKey.key().text() + ")");
            }
            if (live) {
                goLive(sims, server, created, started.connectSprint(), stop);
                server.stop();
            }
            // The Salesforce component logs out when Camel stops: while the simulator still answers,
            // not after it closed (a stack trace on every stop).
            context.getBean(CamelContext.class).stop();
        }
    }

    private void goLive(
            DemoSimulators sims, EmbeddedServer server, DemoTenant.Created created, long contestId, StopSignal stop)
            throws InterruptedException {
        var background = context.getBean(BackgroundWorkSupervisor.class);
        background.start();
        var endpoints = webhooks(server.getURI(), created);
        // Closed with the simulators: their live changes now also arrive as signed webhooks.
        sims.hubSpotSide().forwardHubSpotWebhooks(endpoints.get(HUBSPOT_WEBHOOKS), RetrySchedule.HUBSPOT);
        sims.salesforceSide()
                .forwardSalesforceOutboundMessages(
                        endpoints.get(SALESFORCE_WEBHOOKS), RetrySchedule.SALESFORCE_OUTBOUND);
        var view = new LiveView(
                context.getBean(SyncRunStore.class),
                context.getBean(NotificationStore.class),
                context.getBean(ContestStore.class),
                created,
                contestId,
                output);
        var until = clock.instant().plus(settings.liveFor());
        say("Live until " + until
                + ": simulated activity arrives as signed webhooks at once and through scheduled syncs every "
                + settings.syncEvery().toSeconds() + " s; Ctrl-C stops it and keeps the data");
        while (clock.instant().isBefore(until)) {
            if (stop.awaitStop(LiveView.EVERY)) {
                say("Stopping: the data stays in organization 'demo' (try `scoreline kpi show --org demo`)");
                break;
            }
            view.tick();
        }
        // The reverse of the start (ADR 0023): webhooks stop arriving, then the schedule and the workers.
        HttpIntake.stop(server);
        background.stop();
    }

    private static Map<String, URI> endpoints(EmbeddedServer server, DemoTenant.Created created, boolean live) {
        var base = live ? server.getURI() : URI.create("http://localhost:8080");
        var endpoints = new LinkedHashMap<String, URI>();
        endpoints.put("health", base.resolve("/health"));
        endpoints.put("metrics", base.resolve("/metrics"));
        endpoints.put(CONSOLE, base.resolve("/console/"));
        endpoints.putAll(webhooks(base, created));
        return endpoints;
    }

    private static Map<String, URI> webhooks(URI base, DemoTenant.Created created) {
        var endpoints = new LinkedHashMap<String, URI>();
        endpoints.put(HUBSPOT_WEBHOOKS, base.resolve("/webhooks/hubspot"));
        endpoints.put(
                SALESFORCE_WEBHOOKS,
                base.resolve(WebhookController.path(created.salesforce().id(), created.salesforceEndpointSecret())));
        return endpoints;
    }

    private void say(String line) {
        if (!output.json()) {
            output.line(line);
        }
    }
}
