package io.scoreline.app.background;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.scheduling.FormulaRefreshLauncher;
import io.scoreline.pipeline.scheduling.IntegrationSchedule;
import io.scoreline.pipeline.sync.FormulaRefreshService;
import jakarta.inject.Provider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly formula-field refresh of every integration, one after the other (ADR 0035): one
 * integration's failure is logged and the next one has its turn; the next night is the retry.
 */
public final class NightlyFormulaRefresh implements FormulaRefreshLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyFormulaRefresh.class);

    // A provider: the refresh reads CRMs through Camel, which a node that never fires need not start.
    private final Provider<FormulaRefreshService> refresh;

    public NightlyFormulaRefresh(Provider<FormulaRefreshService> refresh) {
        this.refresh = refresh;
    }

    @Override
    public void refreshAll(List<IntegrationSchedule> integrations) {
        for (var integration : integrations) {
            try {
                refresh.get()
                        .refresh(integration.integrationId())
                        .ifPresent(outcome -> LOG.info(
                                "Formula refresh of integration {}: run {} {}",
                                integration.integrationId(),
                                outcome.runId(),
                                outcome.status().key()));
            } catch (ScorelineException e) {
                if (e.kind() == FailureKind.RETRYABLE || e.kind() == FailureKind.BAD_INPUT) {
                    LOG.warn(
                            "Formula refresh of integration {} skipped: {}",
                            integration.integrationId(),
                            e.getMessage());
                } else {
                    LOG.error(
                            "Formula refresh of integration {} failed: {}",
                            integration.integrationId(),
                            e.getMessage());
                }
            } catch (RuntimeException e) {
                // A run of the integration still going holds its run lock: the next night comes.
                LOG.warn("Formula refresh of integration {} failed: {}", integration.integrationId(), e.toString());
            }
        }
    }
}
