package io.scoreline.gamification.contests;

/**
 * Where a contest is in its life (DESIGN §8). The order matters: a contest only ever moves forward,
 * one step at a time, and a late tick walks it through every step it missed. {@link #CANCELLED} is
 * off that path: an operator ends a contest early (ADR 0041), and it never moves again.
 */
public enum ContestStatus {
    SCHEDULED("scheduled"),
    LIVE("live"),
    PROVISIONAL("provisional"),
    FINAL("final"),
    CANCELLED("cancelled");

    private final String key;

    ContestStatus(String key) {
        this.key = key;
    }

    /** The value of {@code contests.status}. */
    public String key() {
        return key;
    }

    /** Whether KPI changes still move the board: live, and provisional so that late corrections count. */
    public boolean scoring() {
        return this == LIVE || this == PROVISIONAL;
    }

    public ContestStatus next() {
        return switch (this) {
            case SCHEDULED -> LIVE;
            case LIVE -> PROVISIONAL;
            case PROVISIONAL, FINAL -> FINAL;
            case CANCELLED -> CANCELLED;
        };
    }

    /** Whether the contest can still be cancelled: it has not ended, by its schedule or by cancellation. */
    public boolean cancellable() {
        return this == SCHEDULED || this == LIVE || this == PROVISIONAL;
    }

    public static ContestStatus fromKey(String key) {
        for (var status : values()) {
            if (status.key.equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown contest status '" + key + "'");
    }
}
