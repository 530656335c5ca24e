package io.scoreline.pipeline.integrations.onboarding;

import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The organization's integrations with their newest run and lag. */
    public record Overview(Organization organization, List<IntegrationView> integrations) {}

    public record Shown(Organization organization, IntegrationView integration) {}

    private final OrganizationStore organizations;
    private final IntegrationStore integrations;
    // Providers: Quartz and Camel start only for the operations that need them, not for a list.
    private final Provider<IntegrationScheduler> scheduler;
    private final Provider<ConnectorOpener> connectors;
    private final SyncRunStore runs;
    private final Clock clock;

    @Inject
    public IntegrationOnboarding(
            OrganizationStore organizations,
            IntegrationStore integrations,
            Provider<IntegrationScheduler> scheduler,
            Provider<ConnectorOpener> connectors,
            SyncRunStore runs,
            Clock clock) {
        this.organizations = organizations;
        this.integrations = integrations;
        this.scheduler = scheduler;
        this.connectors = connectors;
        this.runs = runs;
        this.clock = clock;
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

    /**
     * {@link #add(String, NewIntegration)} for the organization with this id (an API key's), with
     * the audit row in the insert's transaction: what was connected, never the credentials.
     */
    public Added add(long organizationId, NewIntegration request, Actor actor) {
        var organization = organizations.get(organizationId);
        var connected = integrations.connect(
                request.inOrganization(organization.id()),
                integration -> new AuditEntry(
                        actor, "integration.add", "integration:" + integration.id(), summary(integration, request)));
        scheduler.get().reconcile(connected.integration().id());
        return new Added(organization, connected.integration(), connected.endpointSecret());
    }

    private static Map<String, Object> summary(Integration integration, NewIntegration request) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("provider", integration.provider().key());
        summary.put("settings", integration.settings());
        integration.externalAccountId().ifPresent(id -> summary.put("external_account_id", id));
        summary.put("shared_account", request.sharedAccount());
        // The kind of login only: the credentials themselves never reach the audit log.
        summary.put("login", request.credentials().getClass().getSimpleName());
        return summary;
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

    /** {@link #pause(long)} with its audit row in the status change's transaction. */
    public StatusChanged pause(long integrationId, Actor actor) {
        return changeStatus(integrationId, IntegrationStatus.PAUSED, Optional.of(actor));
    }

    /** {@link #resume(long)} with its audit row in the status change's transaction. */
    public StatusChanged resume(long integrationId, Actor actor) {
        return changeStatus(integrationId, IntegrationStatus.ACTIVE, Optional.of(actor));
    }

    private StatusChanged changeStatus(long integrationId, IntegrationStatus target) {
        return changeStatus(integrationId, target, Optional.empty());
    }

    private StatusChanged changeStatus(long integrationId, IntegrationStatus target, Optional<Actor> actor) {
        var integration = integration(integrationId);
        var audit = actor.map(a -> new AuditEntry(
                a,
                target == IntegrationStatus.ACTIVE ? "integration.resume" : "integration.pause",
                "integration:" + integrationId,
                Map.of("status", target.key(), "was", integration.status().key())));
        var changed = integrations.setStatus(integration.organizationId(), integrationId, target, audit);
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

    /** The organization's integrations with their newest run and lag ({@code integration list}). */
    public Overview overview(String organizationSlug) {
        return overview(organizations.require(organizationSlug));
    }

    /** {@link #overview(String)} for the organization with this id (an API key's). */
    public Overview overview(long organizationId) {
        return overview(organizations.get(organizationId));
    }

    private Overview overview(Organization organization) {
        var now = clock.instant();
        return new Overview(
                organization,
                integrations.list(organization.id()).stream()
                        .map(i -> view(i, now))
                        .toList());
    }

    /** One integration with its newest run and lag. */
    public Shown show(long integrationId) {
        var integration = integration(integrationId);
        return new Shown(organizations.get(integration.organizationId()), view(integration, clock.instant()));
    }

    private IntegrationView view(Integration integration, Instant now) {
        var last = runs.recent(integration.organizationId(), integration.id(), 1).stream()
                .findFirst();
        var lag = runs.lastCompleted(integration.organizationId(), integration.id())
                .flatMap(run -> run.finishedAt())
                .map(finished -> now.isAfter(finished) ? Duration.between(finished, now) : Duration.ZERO);
        return new IntegrationView(integration, last, lag);
    }

    /** The integration with its organization: the authorization point of every operation by id (ADR 0029). */
    private Integration integration(long integrationId) {
        return integrations.require(integrationId);
    }
}
