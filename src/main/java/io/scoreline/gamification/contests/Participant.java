package io.scoreline.gamification.contests;

import java.util.List;

/**
 * Who a leaderboard row stands for: one person ({@code profile:<id>}) or a team ({@code team:<id>})
 * and the participants in it. {@code members} are the people whose KPI values make the score and who
 * are told when the row wins, leads or reaches the target.
 */
record Participant(String key, List<Long> members) {

    Participant {
        members = List.copyOf(members);
    }

    static String profileKey(long profileId) {
        return "profile:" + profileId;
    }

    static String teamKey(long teamId) {
        return "team:" + teamId;
    }
}
