package io.scoreline.pipeline.people;

/**
 * How a request names a person: by e-mail (the CLI's {@code --email}, {@code --manager}) or by id
 * (the API's {@code profileId}, {@code manager_id}). Resolved inside the organization's own
 * transaction, like {@link TeamRef}.
 */
public sealed interface ProfileRef {

    /** How a message names it: {@code for ann@acme.example} or {@code with id 12}. */
    String described();

    /** @param email normalized as profiles store it (stripped, lower-case) */
    record Email(String email) implements ProfileRef {
        public Email {
            email = NewProfile.Emails.normalize(email);
        }

        @Override
        public String described() {
            return "for " + email;
        }
    }

    record Id(long id) implements ProfileRef {
        @Override
        public String described() {
            return "with id " + id;
        }
    }
}
