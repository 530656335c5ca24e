package io.scoreline.pipeline.integrations.onboarding;

import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an operator does with an organization's integrations (ADR 0029). Each operation resolves
 * the integration's organization first: that is where an API caller's key will be checked.
 * The schedule is changed after the database, never before: it is shared by every serving node
 * through the clustered job store, and a crash between the two is repaired by repeating the
 * operation or by the reconcile every {@code serve} does at start.
 */
@Singleton
public final class IntegrationOnboarding {

    /** A connected integration; a Salesforce one has its endpoint secret, shown only now (ADR 0020). */
    public record Added(Organization organization, Integration integration, Optional<EndpointSecret> endpointSecret) {}

    /** The answer of a check: settings and connectivity apart, so the operator knows what to fix. */
    public record Checked(Integration integration, ConnectionCheck check) {

        public boolean passed() {
            return check instanceof ConnectionCheck.Passed;
        }
    }

    /** @param nextSync when the schedule fires next; empty for a paused integration */
    public record StatusChanged(
            Integration integration, IntegrationStatus status, boolean scheduleChanged, Optional<Instant> nextSync) {}

    public record SecretRotated(Integration integration, EndpointSecret secret) {}

    public record Listed(Organization organization, List<Integration> integrations) {}

    private final OrganizationStore organizations;
    private final IntegrationStore integrations;
    // Providers: Quartz and Camel start only for the operations that need them, not for a list.
    private final Provider<IntegrationScheduler> scheduler;
    private final Provider<ConnectorOpener> connectors;

    @Inject
    public IntegrationOnboarding(
            OrganizationStore organizations,
            IntegrationStore integrations,
            Provider<IntegrationScheduler> scheduler,
            Provider<ConnectorOpener> connectors) {
        this.organizations = organizations;
        this.integrations = integrations;
        this.scheduler = scheduler;
        this.connectors = connectors;
    }

    /**
     * Connects a CRM account to the organization (the request's organization is replaced by it)
     * and puts the integration's hourly job into the shared schedule, which serving nodes pick up.
     */
    public Added add(String organizationSlug, NewIntegration request) {
        var organization = organizations.require(organizationSlug);
        var connected = integrations.connect(request.inOrganization(organization.id()));
        scheduler.get().reconcile(connected.integration().id());
        return new Added(organization, connected.integration(), connected.endpointSecret());
    }

    /** Checks settings, credentials and connectivity; a failure is an answer here, not an exception. */
    public Checked check(long integrationId) {
        var integration = integration(integrationId);
        ConnectionCheck check;
        try (var connector = connectors.get().open(integration)) {
            check = connector.check();
        } catch (ScorelineException e) {
            check = switch (e.kind()) {
                case BAD_INPUT -> new ConnectionCheck.SettingsInvalid(e.getMessage());
                default -> new ConnectionCheck.ConnectionFailed(e.kind(), e.getMessage());
            };
        }
        return new Checked(integration, check);
    }

    /** Stops the scheduled syncs (a manual sync still works); a run already going finishes. */
    public StatusChanged pause(long integrationId) {
        return changeStatus(integrationId, IntegrationStatus.PAUSED);
    }

    /** Scheduled syncs again; a missed hour runs once, now. */
    public StatusChanged resume(long integrationId) {
        return changeStatus(integrationId, IntegrationStatus.ACTIVE);
    }

    private StatusChanged changeStatus(long integrationId, IntegrationStatus target) {
        var integration = integration(integrationId);
        var changed = integrations.setStatus(integration.organizationId(), integrationId, target);
        var schedules = scheduler.get();
        var change =
                target == IntegrationStatus.ACTIVE ? schedules.resume(integrationId) : schedules.pause(integrationId);
        var next = target == IntegrationStatus.ACTIVE
                ? schedules.schedule(integrationId).flatMap(s -> s.nextFire())
                : Optional.<Instant>empty();
        return new StatusChanged(changed, target, change.isPresent(), next);
    }

    /** A new endpoint secret for a Salesforce integration; the old one is refused from this commit on. */
    public SecretRotated rotateEndpointSecret(long integrationId) {
        var integration = integration(integrationId);
        return new SecretRotated(
                integration, integrations.rotateEndpointSecret(integration.organizationId(), integrationId));
    }

    /** The organization's integrations, never their credentials. */
    public Listed list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new Listed(organization, integrations.list(organization.id()));
    }

    /** The integration with its organization: the authorization point of every operation by id (ADR 0029). */
    private Integration integration(long integrationId) {
        return integrations.require(integrationId);
    }
}
