package io.scoreline.pipeline.sync;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.facts.StoredRecordReader;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code remap}: re-derives facts from the records we already hold with the active rules and
 * the current owner links. It spends no API calls; it is how a rule change or a late link takes
 * effect on history.
 */
public final class RemapService {

    private static final Logger LOG = LoggerFactory.getLogger(RemapService.class);
    private static final int PAGE = 2000;

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final SyncRunStore runs;
    private final StoredRecordReader records;
    private final PageWriter writer;
    private final IntegrationRunLocks runLocks;

    public RemapService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            SyncRunStore runs,
            StoredRecordReader records,
            PageWriter writer,
            IntegrationRunLocks runLocks) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.records = records;
        this.writer = writer;
        this.runLocks = runLocks;
    }

    public SyncOutcome remap(long integrationId, Optional<Instant> since) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        try (var lease = runLocks.tryAcquire(integrationId).orElseThrow()) {
            long runId = runs.start(organization.id(), integrationId, SyncTrigger.REMAP, since, Optional.empty());
            try {
                var rules = ActiveRules.load(ruleSets, integration);
                var deriver = new RuleSetFactDeriver(
                        rules.ruleSet(),
                        organization.timezone(),
                        rules.ruleSetId(),
                        warning -> LOG.debug("integration {}: {}", integrationId, warning.format()));
                for (var objectType : records.objectTypes(organization.id(), integrationId)) {
                    Optional<String> after = Optional.empty();
                    while (true) {
                        var page = records.page(organization.id(), integrationId, objectType, after, since, PAGE);
                        if (page.isEmpty()) {
                            break;
                        }
                        writer.rederive(
                                organization.id(),
                                integrationId,
                                objectType,
                                page,
                                deriver,
                                ChangeOrigin.live(),
                                (tx, written) -> runs.count(tx, runId, page.size(), written.factsChanged(), 0));
                        after = Optional.of(page.getLast().recordId());
                    }
                }
                runs.finish(organization.id(), runId, SyncStatus.SUCCEEDED, Optional.empty(), Optional.empty());
            } catch (ScorelineException e) {
                runs.finish(
                        organization.id(),
                        runId,
                        SyncStatus.FAILED,
                        Optional.of(e.kind().name()),
                        Optional.of(e.getMessage()));
            }
            return SyncOutcome.of(runs.find(organization.id(), runId).orElseThrow());
        }
    }
}
