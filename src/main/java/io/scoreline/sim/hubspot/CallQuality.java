package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.SeedMixer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portal's custom call property {@code call_quality}: an enumeration whose internal values
 * differ from its labels, as custom HubSpot options usually do. Drawn from what a call keeps when
 * edited (index, time, duration) and from whether it connected, so another seed gives other values
 * and a call that becomes connected may change quality (a {@code propertyChange} webhook).
 */
enum CallQuality {
    GOOD("good", "Good"),
    POOR("poor", "Poor"),
    DROPPED("dropped", "Dropped");

    static final String PROPERTY = "call_quality";

    private final String value;
    private final String label;

    CallQuality(String value, String label) {
        this.value = value;
        this.label = label;
    }

    String value() {
        return value;
    }

    static CallQuality of(Activity.Call call) {
        long draw = Math.floorMod(
                SeedMixer.mix(call.meta().index(), call.meta().createdAt().toEpochMilli(), call.durationSeconds()),
                20L);
        if (call.outcome().connected()) {
            return draw < 15 ? GOOD : POOR;
        }
        return draw < 10 ? DROPPED : draw < 16 ? POOR : GOOD;
    }

    /** Internal values to labels, in display order. */
    static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        for (CallQuality quality : values()) {
            options.put(quality.value, quality.label);
        }
        return options;
    }
}
