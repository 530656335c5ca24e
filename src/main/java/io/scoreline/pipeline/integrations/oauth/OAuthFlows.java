package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.connectors.spi.OAuthAuthorization;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The OAuth flow of each CRM, from the connectors (wired at start-up: this package names none). */
public record OAuthFlows(Map<CrmProvider, OAuthAuthorization> flows) {

    public OAuthFlows {
        flows = Map.copyOf(flows);
    }

    public static OAuthFlows of(List<OAuthAuthorization> flows) {
        return new OAuthFlows(
                flows.stream().collect(Collectors.toMap(OAuthAuthorization::provider, Function.identity())));
    }

    OAuthAuthorization of(CrmProvider provider) {
        var flow = flows.get(provider);
        if (flow == null) {
            throw ScorelineException.badInput(provider.key() + " cannot be connected through OAuth");
        }
        return flow;
    }
}
