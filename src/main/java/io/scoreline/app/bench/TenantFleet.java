package io.scoreline.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's tenants, set up the way an operator would: per organization one integration
 * (Salesforce and HubSpot in turn) on the simulated CRM account they all share (ADR 0021), the
 * stock rules and the CRM's users linked. A few at a time: each one logs in and reads the CRM.
 */
final class TenantFleet {

    private static final int AT_ONCE = 6;

    private TenantFleet() {}

    static List<Long> create(ApplicationContext context, SimulatorProcess sims, int count, PrintWriter log) {
        var salesforceRules = resource("/mappings/salesforce.yaml");
        var hubSpotRules = resource("/mappings/hubspot.yaml");
        var done = new AtomicInteger();
        var slots = new Semaphore(AT_ONCE);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Long>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        long id = one(context, sims, index, salesforceRules, hubSpotRules);
                        int made = done.incrementAndGet();
                        if (made % 50 == 0 || made == count) {
                            log.println("set up " + made + "/" + count + " tenants");
                        }
                        return id;
                    } finally {
                        slots.release();
                    }
                }));
            }
            var ids = new ArrayList<Long>();
            for (var future : futures) {
                ids.add(future.get());
            }
            return ids;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScorelineException failure) {
                throw failure;
            }
            throw new ScorelineException(
                    FailureKind.BUG, "cannot set up the benchmark's tenants: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while setting up tenants", e);
        }
    }

    private static long one(
            ApplicationContext context, SimulatorProcess sims, int index, String salesforceRules, String hubSpotRules) {
        var slug = String.format("tenant-%05d", index);
        context.getBean(OrganizationStore.class)
                .create(NewOrganization.of(slug, "Tenant " + index, "America/New_York", "monday"));
        boolean salesforce = index % 2 == 0;
        var request = salesforce ? salesforce(sims.salesforce()) : hubSpot(sims.hubSpot());
        var integration = context.getBean(IntegrationOnboarding.class)
                .add(slug, request.withSharedAccount(true))
                .integration();
        context.getBean(RuleSetVersions.class)
                .setOrFail(
                        integration.id(),
                        salesforce ? salesforceRules : hubSpotRules,
                        "bench",
                        salesforce ? "mappings/salesforce.yaml" : "mappings/hubspot.yaml");
        context.getBean(CrmUserLinking.class).sync(integration.id(), true);
        return integration.id();
    }

    private static NewIntegration salesforce(JsonNode sf) {
        return NewIntegration.of(
                0,
                CrmProvider.SALESFORCE,
                new CrmCredentials.RefreshToken(
                        sf.path("client_id").asText(),
                        sf.path("client_secret").asText(),
                        sf.path("refresh_token").asText()),
                Optional.of(sf.path("login_url").asText()),
                Optional.empty(),
                Optional.empty());
    }

    private static NewIntegration hubSpot(JsonNode hs) {
        return NewIntegration.of(
                0,
                CrmProvider.HUBSPOT,
                new CrmCredentials.RefreshToken(
                        hs.path("client_id").asText(),
                        hs.path("client_secret").asText(),
                        hs.path("refresh_token").asText()),
                Optional.empty(),
                Optional.of(hs.path("base_url").asText()),
                Optional.of(hs.path("portal_id").asText()));
    }

    private static String resource(String name) {
        try (var in = TenantFleet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ScorelineException(FailureKind.BUG, name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
