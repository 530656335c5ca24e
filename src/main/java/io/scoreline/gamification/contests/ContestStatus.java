package io.scoreline.gamification.contests;

/**
 * Where a contest is in its life (DESIGN §8). The order matters: a contest only ever moves forward,
 * one step at a time, and a late tick walks it through every step it missed.
 */
public enum ContestStatus {
    SCHEDULED("scheduled"),
    LIVE("live"),
    PROVISIONAL("provisional"),
    FINAL("final");

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
        };
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
