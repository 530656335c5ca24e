package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.fault.FaultSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HubSpot routes with Camel's test support: advised with mock endpoints that count every
 * entry, a real connector calling through them against the HubSpot simulator, faults included.
 * An entry is one attempt, so the mocks see what Resilience4j's retries and breaker did.
 */
class HubSpotRoutesIT extends CamelTestSupport {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private RunningSimulators sims;
    private CrmConnector connector;

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new HubSpotRoutes();
    }

    @AfterEach
    void closeConnection() {
        if (connector != null) {
            connector.close();
        }
        if (sims != null) {
            sims.close();
        }
    }

    @Test
    void aChangeReadIsSearchExchangesOnlyAndReadsEveryRecordOnce() throws Exception {
        AdviceWith.adviceWith(
                context, "hubspot-search", route -> route.weaveAddFirst().to("mock:search"));
        AdviceWith.adviceWith(
                context, "hubspot-batch-read", route -> route.weaveAddFirst().to("mock:batchRead"));
        connect("", options(4, 20));
        var query = new ChangeQuery("calls", Set.of("hubspot_owner_id"), Instant.EPOCH, Optional.empty(), 2000);

        long count = connector.count(query);
        var records = new ArrayList<CrmRecord>();
        var source = connector.changes(query);
        for (var page = source.next(); page.isPresent(); page = source.next()) {
            records.addAll(page.get().records());
        }

        assertThat(count).as("more than one search page").isGreaterThan(HubSpotSearches.PAGE);
        assertThat(records).hasSize((int) count).extracting(CrmRecord::recordId).doesNotHaveDuplicates();
        var search = getMockEndpoint("mock:search");
        assertThat(search.getReceivedCounter())
                .as("every attempt, 429s included, entered the route")
                .isEqualTo(connector.apiCalls());
        assertThat(search.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(HubSpotApi.Request.class))
                .allSatisfy(request -> {
                    assertThat(request.search()).isTrue();
                    assertThat(request.method()).isEqualTo("POST");
                    assertThat(request.pathAndQuery()).isEqualTo("/crm/v3/objects/calls/search");
                });
        assertThat(getMockEndpoint("mock:batchRead").getReceivedCounter()).isZero();
    }

    @Test
    void serverErrorsAreRetriedAroundTheRouteUntilTheAttemptsAreSpent() throws Exception {
        AdviceWith.adviceWith(
                context, "hubspot-owners", route -> route.weaveAddFirst().to("mock:owners"));
        connect("500:1.0", options(3, 20));

        assertThatThrownBy(connector::users).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(e.getMessage()).matches("hubspot owners \\(after 3 attempts\\) failed: HTTP 5\\d\\d .*");
        });
        assertThat(getMockEndpoint("mock:owners").getReceivedCounter()).isEqualTo(3);
    }

    @Test
    void rateLimitsAreWaitedOutUpToTheirOwnLimitThenStopTheRunAsQuota() throws Exception {
        AdviceWith.adviceWith(
                context, "hubspot-owners", route -> route.weaveAddFirst().to("mock:owners"));
        connect("429:1.0", options(4, 1));

        assertThatThrownBy(connector::users).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.QUOTA);
            assertThat(e.getMessage()).startsWith("hubspot owners still rate limited after 2 waits");
        });
        assertThat(getMockEndpoint("mock:owners").getReceivedCounter())
                .as("a 429 does not spend the transient attempts")
                .isEqualTo(2);
        assertThat(((HubSpotConnector) connector).throttledCalls()).isEqualTo(2);
    }

    @Test
    void repeatedServerErrorsOpenTheIntegrationsBreakerAndLaterCallsNeverReachTheRoute() throws Exception {
        AdviceWith.adviceWith(
                context, "hubspot-owners", route -> route.weaveAddFirst().to("mock:owners"));
        connect("500:1.0", options(2, 20));
        for (int call = 0; call < 5; call++) {
            assertThatThrownBy(connector::users).isInstanceOf(ScorelineException.class);
        }
        var owners = getMockEndpoint("mock:owners");
        assertThat(owners.getReceivedCounter()).isEqualTo(5 * 2);

        assertThatThrownBy(connector::users).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(e.getMessage()).contains("circuit open");
        });
        assertThat(owners.getReceivedCounter()).isEqualTo(5 * 2);
    }

    private static HubSpotOptions options(int retryAttempts, int rateLimitRetries) {
        return new HubSpotOptions(
                retryAttempts,
                Duration.ofMillis(5),
                rateLimitRetries,
                Duration.ofSeconds(5),
                190,
                5,
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }

    private void connect(String faults, HubSpotOptions options) {
        context.start();
        var simulator = SimulatorOptions.defaults()
                .withSeed(5)
                .withVolume(3, 6)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(CLOCK);
        sims = Simulators.start(faults.isEmpty() ? simulator : simulator.withFaults(FaultSpec.parse(faults)));
        var hs = sims.hubSpot();
        connector = new HubSpotConnectorFactory(context, options, CLOCK)
                .open(new ConnectorSettings(
                        1,
                        CrmProvider.HUBSPOT,
                        Map.of(HubSpotSettings.BASE_URL, hs.baseUrl().toString()),
                        new CrmCredentials.PrivateAppToken(hs.privateAppToken())));
    }
}
