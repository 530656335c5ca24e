package io.scoreline.connectors.spi;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;

/**
 * A connector's routes are shared by every org or portal it serves (each exchange names its
 * session), so a Camel context gets them once, however many factories open connectors on it.
 */
public final class SharedRoutes {

    private SharedRoutes() {}

    /**
     * Adds {@code routes} unless the context already has the route {@code probeRouteId}.
     *
     * @param crm the CRM's name for the failure message
     */
    public static void addOnce(CamelContext camel, String probeRouteId, RoutesBuilder routes, String crm) {
        synchronized (camel) {
            if (camel.getRoute(probeRouteId) != null) {
                return;
            }
            try {
                camel.addRoutes(routes);
            } catch (Exception e) {
                throw new ScorelineException(
                        FailureKind.BUG, "cannot add the " + crm + " routes: " + e.getMessage(), e);
            }
        }
    }
}
