package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.QuotaSnapshot;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code Sforce-Limit-Info: api-usage=25/15000} (per-app usage may follow, comma-separated). */
final class SalesforceLimitInfo {

    private static final Pattern API_USAGE = Pattern.compile("(?:^|[,;\\s])api-usage=(\\d+)/(\\d+)");

    private SalesforceLimitInfo() {}

    static Optional<QuotaSnapshot> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var matcher = API_USAGE.matcher(header);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new QuotaSnapshot(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }
}
