package io.scoreline.app.http;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.testing.ScorelineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A HubSpot integration of the simulator's portal, with the stock rules and its owners linked, as the webhook tests need. */
public final class HubSpotTestIntegration {

    private HubSpotTestIntegration() {}

    /** @return the integration's id */
    public static long connect(ScorelineServer server, RunningSimulators sims, long organizationId) throws Exception {
        var hs = sims.hubSpot();
        var integration = server.bean(IntegrationStore.class)
                .add(NewIntegration.of(
                        organizationId,
                        CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                        Optional.empty(),
                        Optional.of(hs.baseUrl().toString()),
                        Optional.of(Long.toString(hs.portalId()))));
        server.bean(RuleSetStore.class)
                .saveNewVersion(
                        organizationId, integration.id(), Files.readString(Path.of("mappings/hubspot.yaml")), "test");
        try (var connector = server.bean(ConnectorOpener.class).open(integration)) {
            server.bean(CrmIdentityStore.class).sync(organizationId, integration.id(), connector.users(), true);
        }
        return integration.id();
    }
}
