package io.scoreline.app.config;

/**
 * The admin API under {@code /api/v1} (issue 21).
 *
 * @param ratePerSecond requests a second one API key may make on average, on one node
 * @param rateBurst     requests one API key may make at once before the rate applies
 * @param maxBodyBytes  largest request body the API reads; larger ones get 413
 */
public record ApiSettings(int ratePerSecond, int rateBurst, int maxBodyBytes) {

    public static final String RATE_LIMIT = "SCORELINE_API_RATE_LIMIT";
    public static final String RATE_BURST = "SCORELINE_API_RATE_BURST";
    public static final String MAX_BYTES = "SCORELINE_API_MAX_BYTES";

    public static ApiSettings defaults() {
        return new ApiSettings(20, 40, 64 * 1024);
    }

    static ApiSettings read(SettingsReader settings) {
        var defaults = defaults();
        return new ApiSettings(
                settings.integer(RATE_LIMIT, defaults.ratePerSecond(), 1, 100_000),
                settings.integer(RATE_BURST, defaults.rateBurst(), 1, 100_000),
                // Never above the server's own limit, which refuses a larger body before the API sees it.
                settings.integer(MAX_BYTES, defaults.maxBodyBytes(), 1024, WebhookSettings.DEFAULT_MAX_BYTES));
    }
}
