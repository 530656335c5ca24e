package io.scoreline.app.config;

import java.util.List;
import java.util.Map;

/**
 * Every setting a Scoreline process reads from its environment, with its default: the settings
 * {@link ScorelineConfig}, {@link ShutdownSettings} and {@link NewMasterKey} ask their
 * {@link SettingsReader} for when nothing is set. docs/configuration.md lists exactly these.
 */
public final class ScorelineSettings {

    private ScorelineSettings() {}

    public static List<Setting> all() {
        var reader = new SettingsReader(Map.of());
        ScorelineConfig.resolve(reader, CliOverrides.none());
        ShutdownSettings.read(reader);
        NewMasterKey.fromEnvironment(reader);
        return reader.settingsRead();
    }
}
