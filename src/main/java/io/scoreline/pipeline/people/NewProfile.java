package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.util.Locale;
import java.util.Optional;

/** A validated request to create a profile; {@code team} is a team name, {@code manager} an e-mail. */
public record NewProfile(
        String email, Optional<String> displayName, Optional<String> team, Optional<String> manager, Role role) {

    public NewProfile {
        email = Emails.normalize(email);
        displayName = displayName.map(n -> PrintableName.of("display name", n));
        manager = manager.map(Emails::normalize);
        if (role == null) {
            throw ScorelineException.badInput("a profile needs a role");
        }
    }

    /** E-mails as profiles store them: stripped and lower-case (profiles_email_lower). */
    static final class Emails {
        private Emails() {}

        static String normalize(String email) {
            if (email == null
                    || email.isBlank()
                    || !email.contains("@")
                    || email.strip().length() > 320) {
                throw ScorelineException.badInput("invalid e-mail '" + email + "'");
            }
            var normalized = email.strip().toLowerCase(Locale.ROOT);
            PrintableName.of("e-mail", normalized);
            return normalized;
        }
    }
}
