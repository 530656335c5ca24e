package io.scoreline.connectors.spi;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@link CrmProfile} of each provider, found with {@link ServiceLoader} (each connector lists
 * its profile in {@code META-INF/services}): value types and static call sites of the pipeline ask
 * them without a context to inject from, and this package cannot name the connectors that depend
 * on it (ADR 0028). A provider without a profile is a packaging defect, reported at first use.
 */
public final class CrmProfiles {

    private static final Map<CrmProvider, CrmProfile> PROFILES = load();

    private CrmProfiles() {}

    public static CrmProfile of(CrmProvider provider) {
        var profile = PROFILES.get(provider);
        if (profile == null) {
            throw new ScorelineException(
                    FailureKind.BUG, "no connector profile for " + provider.key() + " on the class path");
        }
        return profile;
    }

    /** Every provider's profile, in the providers' order. */
    public static List<CrmProfile> all() {
        return List.copyOf(PROFILES.values());
    }

    private static Map<CrmProvider, CrmProfile> load() {
        var profiles = new EnumMap<CrmProvider, CrmProfile>(CrmProvider.class);
        for (var profile : ServiceLoader.load(CrmProfile.class, CrmProfile.class.getClassLoader())) {
            if (profiles.putIfAbsent(profile.provider(), profile) != null) {
                throw new IllegalStateException(
                        "two connector profiles for " + profile.provider().key());
            }
        }
        return profiles;
    }
}
