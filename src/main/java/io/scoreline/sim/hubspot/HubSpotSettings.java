package io.scoreline.sim.hubspot;

import io.scoreline.sim.fault.FaultPlan;
import java.time.Clock;
import java.time.Duration;

/**
 * How the simulated portal behaves.
 *
 * @param requestsPerTenSeconds burst limit of non-search calls per portal
 * @param searchesPerSecond     search limit per portal
 * @param dailyLimit            calls per UTC day before the DAILY 429
 */
public record HubSpotSettings(
        Clock clock,
        int port,
        HubSpotCredentials credentials,
        Duration tokenLifetime,
        int requestsPerTenSeconds,
        int searchesPerSecond,
        long dailyLimit,
        Duration timeoutHold,
        FaultPlan faults) {}
