package io.scoreline.sim.salesforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The org's daily API request allowance. Every authenticated REST call spends one request; once spent,
 * calls are refused until the next UTC day (Salesforce uses a rolling 24 hours; a calendar day keeps
 * tests predictable).
 */
public final class ApiQuota {

    private final Clock clock;
    private final long max;
    private LocalDate day;
    private long used;

    public ApiQuota(Clock clock, long max) {
        this.clock = clock;
        this.max = max;
        this.day = today();
    }

    /** Spends one request; false when the quota is already spent. */
    public synchronized boolean tryConsume() {
        roll();
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    /**
     * Sets today's count of requests used, as if the org's other integrations and tools had made
     * them: what a test needs to play an org that shares its allowance.
     */
    public synchronized void setUsed(long requests) {
        if (requests < 0 || requests > max) {
            throw new IllegalArgumentException("used requests must be from 0 to " + max + ", got " + requests);
        }
        roll();
        used = requests;
    }

    public synchronized long used() {
        roll();
        return used;
    }

    public long max() {
        return max;
    }

    public synchronized long remaining() {
        roll();
        return max - used;
    }

    /** The {@code Sforce-Limit-Info} header value. */
    public String limitInfo() {
        return "api-usage=" + used() + "/" + max;
    }

    private void roll() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
