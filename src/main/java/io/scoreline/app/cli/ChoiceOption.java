package io.scoreline.app.cli;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.InboxStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Options whose value is one of a closed set: a value outside it is a usage error that names the
 * option and lists the values it takes (the enums' own messages name neither).
 */
public final class ChoiceOption {

    private ChoiceOption() {}

    public static CrmProvider provider(String value) {
        return choose("--provider", value, List.of(CrmProvider.values()), CrmProvider::key);
    }

    public static InboxStatus inboxStatus(String value) {
        return choose("--status", value, List.of(InboxStatus.values()), InboxStatus::key);
    }

    private static <T> T choose(String option, String value, List<T> choices, Function<T, String> key) {
        var wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return choices.stream()
                .filter(c -> key.apply(c).equals(wanted))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput(option + " must be one of "
                        + String.join(", ", choices.stream().map(key).toList()) + ", got '" + value + "'"));
    }
}
