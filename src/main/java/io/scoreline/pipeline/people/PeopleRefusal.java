package io.scoreline.pipeline.people;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;

/**
 * A people request refused because of one thing it named: an unknown team or person, a taken name,
 * a cycle. {@link #part()} says which part of the request it was, so that an entry point can point
 * at its own field (the API's {@code parent_id}, say); the message is the CLI's.
 */
public final class PeopleRefusal extends ScorelineException {

    /** The part of a request a refusal is about. */
    public enum Part {
        /** The team or person the request is about (a path id, the CLI's {@code --name}/{@code --email}). */
        SUBJECT,
        NAME,
        EMAIL,
        PARENT,
        TEAM,
        MANAGER
    }

    private final Part part;

    PeopleRefusal(FailureKind kind, Part part, String message) {
        super(kind, message);
        this.part = part;
    }

    static PeopleRefusal notFound(Part part, String message) {
        return new PeopleRefusal(FailureKind.NOT_FOUND, part, message);
    }

    static PeopleRefusal badInput(Part part, String message) {
        return new PeopleRefusal(FailureKind.BAD_INPUT, part, message);
    }

    static PeopleRefusal conflict(Part part, String message) {
        return new PeopleRefusal(FailureKind.CONFLICT, part, message);
    }

    public Part part() {
        return part;
    }
}
