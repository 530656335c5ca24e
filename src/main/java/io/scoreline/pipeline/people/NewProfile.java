package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.util.Locale;
import java.util.Optional;

/** A validated request to create a profile, with its team and manager named by the caller's words. */
public record NewProfile(
        String email, Optional<String> displayName, Optional<TeamRef> team, Optional<ProfileRef> manager, Role role) {

    public NewProfile {
        email = email(email);
        displayName = displayName.map(NewProfile::displayName);
        if (role == null) {
            throw ScorelineException.badInput("a profile needs a role");
        }
    }

    /** An e-mail as profiles store it, or a refusal (the CLI's and the API's check). */
    public static String email(String email) {
        return Emails.normalize(email);
    }

    /** A display name as stored, or a refusal saying what is wrong with it. */
    public static String displayName(String name) {
        return PrintableName.of("display name", name);
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
