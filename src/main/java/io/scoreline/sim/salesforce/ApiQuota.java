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
