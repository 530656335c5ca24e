package io.scoreline.sim.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Builds the reps of a dataset: names, unique emails, and a few who left part-way through. */
final class RepRoster {

    static final String EMAIL_DOMAIN = "scoreline-sim.example";
    private static final double INACTIVE_SHARE = 0.12;
    private static final String[] FIRST = {
        "Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Iris", "Omar", "Lena", "Raj", "Sofia", "Marco", "Hana", "Diego",
        "Nora", "Felix", "Amara", "Jonas", "Priya", "Theo", "Keiko", "Luca", "Elena", "Samir"
    };
    private static final String[] LAST = {
        "Carter",
        "Nguyen",
        "Okafor",
        "Schmidt",
        "Rossi",
        "Kowalski",
        "Tanaka",
        "Haddad",
        "Larsen",
        "Moreau",
        "Silva",
        "Patel",
        "Brennan",
        "Novak",
        "Ortega",
        "Fischer",
        "Kim",
        "Adeyemi",
        "Lindqvist",
        "Dubois"
    };

    private RepRoster() {}

    static List<Rep> build(DatasetSpec spec) {
        List<Rep> reps = new ArrayList<>(spec.reps());
        Set<String> emails = new HashSet<>();
        Instant joined = spec.historyStart().minus(Duration.ofDays(90));
        Instant leftAt = spec.firstDay()
                .plusDays(spec.days() * 2L / 3)
                .atTime(18, 0)
                .atZone(spec.zone())
                .toInstant();
        boolean anyInactive = false;
        for (int n = 0; n < spec.reps(); n++) {
            SplittableRandom random = SeedMixer.random(spec.seed(), 7_001, n);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = uniqueEmail(first, last, emails);
            boolean lastChance = n == spec.reps() - 1 && !anyInactive && spec.reps() >= 4;
            boolean inactive = n > 0 && (random.nextDouble() < INACTIVE_SHARE || lastChance);
            anyInactive |= inactive;
            reps.add(new Rep(
                    n, first, last, email, !inactive, joined.plus(Duration.ofHours(n)), inactive ? leftAt : null));
        }
        return List.copyOf(reps);
    }

    private static String uniqueEmail(String first, String last, Set<String> taken) {
        String base = (first + "." + last).toLowerCase(Locale.ROOT);
        String candidate = base + "@" + EMAIL_DOMAIN;
        for (int suffix = 2; !taken.add(candidate); suffix++) {
            candidate = base + suffix + "@" + EMAIL_DOMAIN;
        }
        return candidate;
    }
}
