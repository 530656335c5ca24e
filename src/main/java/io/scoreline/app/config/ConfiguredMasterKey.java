package io.scoreline.app.config;

import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyHolder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/** The master key where the settings say it is: {@link ScorelineConfig#MASTER_KEY} if set, else the key file in the home. */
@Singleton
public final class ConfiguredMasterKey implements MasterKeyHolder {

    private final ScorelineConfig config;

    @Inject
    public ConfiguredMasterKey(ScorelineConfig config) {
        this.config = config;
    }

    @Override
    public MasterKey current() {
        return MasterKeySource.load(config);
    }

    @Override
    public Optional<Path> replace(MasterKey next) {
        if (config.masterKey().isPresent()) {
            return Optional.empty();
        }
        var keyFile = MasterKeySource.keyFile(config);
        NewMasterKey.install(keyFile, next);
        return Optional.of(keyFile);
    }
}
