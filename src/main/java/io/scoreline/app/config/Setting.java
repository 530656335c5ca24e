package io.scoreline.app.config;

/**
 * A setting a Scoreline process reads from its environment, and its default as an operator reads
 * it ({@code PT1H}, {@code 16}, {@code half the cores}; {@code —} for none). {@link SettingsReader}
 * records one for every setting it is asked for, so that the list comes from the code that reads
 * them, not from a second list kept by hand ({@link ScorelineSettings}).
 */
public record Setting(String name, String defaultValue) {

    /** The default of a setting that has none: unset means off, absent or "use the other source". */
    public static final String NO_DEFAULT = "—";
}
