package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Salesforce routes with Camel's test support: advised with mock endpoints, a real connector
 * logged in to the Salesforce simulator calling through them. What the routes answer (pages,
 * classified failures) and how often they are entered (Resilience4j's attempts, the breaker's
 * refusals) are both observed at the routes.
 */
class SalesforceRoutesIT extends CamelTestSupport {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private RunningSimulators sims;
    private CrmConnector connector;

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        // Each test advises the routes, then starts the context.
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new SalesforceRoutes();
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
    void aChangeReadIsOneQueryAllThenQueryMoreExchangesOnTheOrgsSessionAndReadsEveryRecordOnce() throws Exception {
        AdviceWith.adviceWith(
                context, "salesforce-query-all", route -> route.weaveAddFirst().to("mock:queryAll"));
        AdviceWith.adviceWith(
                context, "salesforce-query-more", route -> route.weaveAddFirst().to("mock:queryMore"));
        connect();
        var query = new ChangeQuery("Task", Set.of("OwnerId", "Status"), Instant.EPOCH, Optional.empty(), 200);

        long count = connector.count(query);
        var records = new ArrayList<CrmRecord>();
        int pages = 0;
        var source = connector.changes(query);
        for (var page = source.next(); page.isPresent(); page = source.next()) {
            records.addAll(page.get().records());
            pages++;
        }

        assertThat(count).as("enough records for several pages of 200").isGreaterThan(400);
        assertThat(records).hasSize((int) count).extracting(CrmRecord::recordId).doesNotHaveDuplicates();
        var queryAll = getMockEndpoint("mock:queryAll");
        var queryMore = getMockEndpoint("mock:queryMore");
        assertThat(queryAll.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(String.class))
                .satisfiesExactly(
                        soql -> assertThat(soql).startsWith("SELECT COUNT() FROM Task"),
                        soql -> assertThat(soql)
                                .startsWith("SELECT Id, SystemModstamp, IsDeleted")
                                .endsWith("ORDER BY SystemModstamp, Id"));
        assertThat(queryMore.getReceivedCounter()).isEqualTo(pages - 1);
        assertThat(queryAll.getReceivedExchanges().getLast().getMessage().getHeader("Sforce-Query-Options"))
                .isEqualTo("batchSize=200");
        assertThat(queryMore.getReceivedExchanges())
                .allSatisfy(e -> assertThat(e.getProperty(SalesforceRoutes.SESSION, String.class))
                        .matches("sf-1-\\d+"));
        assertThat(connector.apiCalls()).isEqualTo(queryAll.getReceivedCounter() + queryMore.getReceivedCounter());
    }

    @Test
    void serverErrorsAreRetriedAroundTheRouteUntilTheAttemptsAreSpent() throws Exception {
        failLimitsWith(new SalesforceException(List.of(new RestError("SERVER_UNAVAILABLE", "maintenance")), 503));
        connect();

        var check = connector.check();

        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.ConnectionFailed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(failed.problem()).isEqualTo("salesforce limits check failed: SERVER_UNAVAILABLE: maintenance");
        });
        assertThat(getMockEndpoint("mock:limits").getReceivedCounter())
                .as("the options' four attempts")
                .isEqualTo(4);
    }

    @Test
    void anUnknownFailureIsABugAndIsNotRetried() throws Exception {
        failLimitsWith(new IllegalStateException("no type converter for the answer"));
        connect();

        var check = connector.check();

        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.ConnectionFailed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.BUG);
            assertThat(failed.problem()).contains("IllegalStateException").contains("no type converter for the answer");
        });
        assertThat(getMockEndpoint("mock:limits").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void repeatedServerErrorsOpenTheIntegrationsBreakerAndLaterCallsNeverReachTheRoute() throws Exception {
        failLimitsWith(new SalesforceException(List.of(new RestError("SERVER_UNAVAILABLE", "maintenance")), 503));
        connect();
        for (int call = 0; call < 5; call++) {
            assertThat(connector.check()).isInstanceOf(ConnectionCheck.ConnectionFailed.class);
        }
        var limits = getMockEndpoint("mock:limits");
        assertThat(limits.getReceivedCounter()).isEqualTo(5 * 4);

        var refused = connector.check();

        assertThat(refused).isInstanceOfSatisfying(ConnectionCheck.ConnectionFailed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(failed.problem()).contains("circuit open");
        });
        assertThat(limits.getReceivedCounter()).isEqualTo(5 * 4);
    }

    /** The limits call answers with this failure, as the component would throw it; the login stays real. */
    private void failLimitsWith(Exception failure) throws Exception {
        AdviceWith.adviceWith(
                context,
                "salesforce-limits",
                route -> route.weaveByType(ToDynamicDefinition.class)
                        .replace()
                        .to("mock:limits")
                        .throwException(failure));
    }

    private void connect() {
        context.start();
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(5)
                .withVolume(3, 6)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(CLOCK));
        var sf = sims.salesforce();
        var factory = new SalesforceConnectorFactory(
                context, new SalesforceOptions(4, Duration.ofMillis(5), Duration.ofSeconds(30)), CLOCK);
        connector = factory.open(new ConnectorSettings(
                1,
                CrmProvider.SALESFORCE,
                Map.of(SalesforceSettings.LOGIN_URL, sf.loginUrl().toString()),
                new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken())));
    }
}
