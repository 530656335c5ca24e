package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.SeedMixer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one simulated portal names its object types in paths and events. Stock types go by path name
 * or {@code 0-…} type id; the custom object goes by its {@code 2-…} type id (derived from the seed,
 * so stable per seed like a real portal's), {@code p_{name}} or {@code p{portal}_{name}}, never by
 * its bare name: HubSpot stopped accepting that in 2025.
 */
public final class HubSpotTypeNames {

    private static final Pattern QUALIFIED = Pattern.compile("p\\d*_(\\w+)");

    private final String customTypeId;

    public HubSpotTypeNames(long seed) {
        this.customTypeId = "2-" + (1_000_000 + SeedMixer.random(seed, 7_300).nextInt(9_000_000));
    }

    /** The type id events and schemas carry: {@code 0-…} for stock types, this portal's {@code 2-…} for custom ones. */
    public String typeId(HubSpotObjectType type) {
        return type.custom() ? customTypeId : type.typeId();
    }

    /** The fully qualified name of a custom type ({@code p_product_demos}). */
    public static String fullyQualifiedName(HubSpotObjectType type) {
        return "p_" + type.pathName();
    }

    public Optional<HubSpotObjectType> resolve(String nameOrTypeId) {
        var qualified = QUALIFIED.matcher(nameOrTypeId.toLowerCase(Locale.ROOT));
        return Arrays.stream(HubSpotObjectType.values())
                .filter(type -> type.custom()
                        ? customTypeId.equals(nameOrTypeId)
                                || (qualified.matches() && qualified.group(1).equals(type.pathName()))
                        : type.pathName().equalsIgnoreCase(nameOrTypeId)
                                || type.typeId().equals(nameOrTypeId))
                .findFirst();
    }
}
