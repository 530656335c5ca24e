package io.scoreline.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; "development build" when run from classes. */
public final class ScorelineVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        var version = ScorelineVersion.class.getPackage().getImplementationVersion();
        return new String[] {"scoreline " + (version == null ? "development build" : version)};
    }
}
