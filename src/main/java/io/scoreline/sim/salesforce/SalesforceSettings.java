package io.scoreline.sim.salesforce;

import io.scoreline.sim.fault.FaultPlan;
import java.time.Clock;
import java.time.Duration;

/**
 * How one simulated org behaves.
 *
 * @param port            0 for any free port
 * @param dailyApiLimit   requests per day before {@code REQUEST_LIMIT_EXCEEDED}
 * @param tokenLifetime   how long an access token stays valid
 * @param cursorIdleTime  how long an unused query locator stays valid
 * @param timeoutHold     how long a timeout fault keeps the connection open without answering
 */
public record SalesforceSettings(
        Clock clock,
        int port,
        String orgId,
        SalesforceCredentials credentials,
        long dailyApiLimit,
        Duration tokenLifetime,
        Duration cursorIdleTime,
        Duration timeoutHold,
        FaultPlan faults) {}
