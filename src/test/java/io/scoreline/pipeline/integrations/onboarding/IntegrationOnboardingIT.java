package io.scoreline.pipeline.integrations.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions that moved out of the CLI commands (ADR 0029), through the use cases as the
 * product wires them (Micronaut context, real database, simulated HubSpot): adding schedules,
 * pausing and resuming change status and schedule together, a check answers instead of failing,
 * users are linked once for every caller, and a remap's day is the organization's day.
 */
class IntegrationOnboardingIT {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static RunningSimulators sims;
    private static ApplicationContext context;
    private static IntegrationOnboarding onboarding;
    private static long organizationId;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(29)
                .withVolume(3, 5)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        context = ScorelineApplication.start(ScorelineConfig.resolve(
                TestEnvironment.forDatabase(TestPostgres.freshDatabase()), CliOverrides.none()));
        onboarding = context.getBean(IntegrationOnboarding.class);
        organizationId = context.getBean(OrganizationStore.class)
                .create(NewOrganization.of("acme", "Acme", ZONE.getId(), "monday"))
                .id();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (sims != null) {
            sims.close();
        }
    }

    private static NewIntegration hubSpot() {
        var hs = sims.hubSpot();
        // The organization is the use case's to resolve: 0 here is replaced by acme's.
        return NewIntegration.of(
                        0,
                        CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                        Optional.empty(),
                        Optional.of(hs.baseUrl().toString()),
                        Optional.empty())
                .withSharedAccount(true);
    }

    @Test
    void addStoresTheIntegrationInTheNamedOrganizationAndSchedulesIt() {
        var added = onboarding.add("acme", hubSpot());

        assertThat(added.organization().id()).isEqualTo(organizationId);
        assertThat(added.integration().organizationId()).isEqualTo(organizationId);
        assertThat(context.getBean(IntegrationStore.class)
                        .require(added.integration().id())
                        .status())
                .isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(context.getBean(IntegrationScheduler.class)
                        .schedule(added.integration().id()))
                .hasValueSatisfying(schedule -> assertThat(schedule.paused()).isFalse());
        assertThat(added.endpointSecret())
                .as("only Salesforce integrations have an endpoint secret")
                .isEmpty();
    }

    @Test
    void addToAnUnknownOrganizationStoresNothing() {
        int before = onboarding.list("acme").integrations().size();
        assertThatThrownBy(() -> onboarding.add("nobody", hubSpot()))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
        assertThat(onboarding.list("acme").integrations()).hasSize(before);
    }

    @Test
    void pauseAndResumeChangeTheStatusAndTheSharedSchedule() {
        long id = onboarding.add("acme", hubSpot()).integration().id();
        var scheduler = context.getBean(IntegrationScheduler.class);

        var paused = onboarding.pause(id);
        assertThat(paused.status()).isEqualTo(IntegrationStatus.PAUSED);
        assertThat(paused.integration().status()).isEqualTo(IntegrationStatus.PAUSED);
        assertThat(paused.scheduleChanged()).isTrue();
        assertThat(paused.nextSync()).isEmpty();
        assertThat(scheduler.schedule(id))
                .hasValueSatisfying(schedule -> assertThat(schedule.paused()).isTrue());
        assertThat(onboarding.pause(id).scheduleChanged())
                .as("pausing twice changes nothing")
                .isFalse();

        var resumed = onboarding.resume(id);
        assertThat(resumed.integration().status()).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(resumed.scheduleChanged()).isTrue();
        assertThat(resumed.nextSync()).isPresent();
        assertThat(scheduler.schedule(id))
                .hasValueSatisfying(schedule -> assertThat(schedule.paused()).isFalse());
    }

    @Test
    void checkAnswersWhetherSettingsAndConnectionHold() {
        long id = onboarding.add("acme", hubSpot()).integration().id();
        var checked = onboarding.check(id);
        assertThat(checked.check()).isInstanceOf(ConnectionCheck.Passed.class);
        assertThat(checked.passed()).isTrue();

        // Credentials the CRM refuses are an answer naming the connection, not an exception.
        var hs = sims.hubSpot();
        long refused = onboarding
                .add(
                        "acme",
                        NewIntegration.of(
                                        0,
                                        CrmProvider.HUBSPOT,
                                        new CrmCredentials.RefreshToken(
                                                hs.clientId(), hs.clientSecret(), "not-a-refresh-token"),
                                        Optional.empty(),
                                        Optional.of(hs.baseUrl().toString()),
                                        Optional.empty())
                                .withSharedAccount(true))
                .integration()
                .id();
        var failed = onboarding.check(refused);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.check())
                .isInstanceOfSatisfying(
                        ConnectionCheck.ConnectionFailed.class,
                        f -> assertThat(f.kind()).isEqualTo(FailureKind.AUTH));
    }

    @Test
    void usersAreLinkedOnceAndARemapStartsAtTheOrganizationsDay() throws IOException {
        long id = onboarding.add("acme", hubSpot()).integration().id();
        context.getBean(RuleSetStore.class).saveNewVersion(organizationId, id, stockRules(), "test");
        var linking = context.getBean(CrmUserLinking.class);

        var first = linking.sync(id, true);
        assertThat(first.usersSeen()).isPositive();
        assertThat(first.newlyLinked()).isPositive();
        assertThat(linking.unmatched(id)).hasSize(first.unmatched());
        assertThat(linking.sync(id, true).newlyLinked())
                .as("a second sync links nobody again")
                .isZero();

        var runs = context.getBean(OnDemandRuns.class);
        assertThat(runs.sync(id).status()).isEqualTo(SyncStatus.SUCCEEDED);
        var day = LocalDate.now(ZONE).minusDays(2);
        var remap = runs.remap(id, Optional.of(day));
        assertThat(remap.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(runs.recent(id, 10)).first().satisfies(run -> {
            assertThat(run.id()).isEqualTo(remap.runId());
            assertThat(run.trigger()).isEqualTo(SyncTrigger.REMAP);
            assertThat(run.windowFrom()).contains(day.atStartOfDay(ZONE).toInstant());
        });
        assertThat(runs.recent(id, 10)).hasSize(2);
    }

    private static String stockRules() throws IOException {
        try (var in = IntegrationOnboardingIT.class.getResourceAsStream("/mappings/hubspot.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
