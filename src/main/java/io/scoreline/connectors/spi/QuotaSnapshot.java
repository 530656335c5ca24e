package io.scoreline.connectors.spi;

/** The CRM's daily API quota as last reported (Salesforce {@code Sforce-Limit-Info: api-usage=used/max}). */
public record QuotaSnapshot(long used, long max) {

    public long remaining() {
        return Math.max(0, max - used);
    }
}
