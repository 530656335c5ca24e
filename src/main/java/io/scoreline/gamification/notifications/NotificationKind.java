package io.scoreline.gamification.notifications;

/** What a notification tells a rep; the keys are the values of {@code notifications.kind}. */
public enum NotificationKind {
    BADGE_EARNED("badge_earned"),
    TOOK_LEAD("took_lead"),
    ENTERED_TOP3("entered_top3"),
    TARGET_REACHED("target_reached"),
    CONTEST_WON("contest_won"),
    /** A head-to-head pair's result, to both sides: won, lost or drawn (ADR 0045). */
    PAIR_RESULT("pair_result"),
    GOAL_REACHED("goal_reached"),
    GOAL_BEHIND_PACE("goal_behind_pace");

    private final String key;

    NotificationKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static NotificationKind fromKey(String key) {
        for (var kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown notification kind '" + key + "'");
    }
}
