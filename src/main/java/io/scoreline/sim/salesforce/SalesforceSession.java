package io.scoreline.sim.salesforce;

import java.time.Instant;

/** An issued access token and the user it acts as. */
record SalesforceSession(String accessToken, String userId, Instant issuedAt) {}
