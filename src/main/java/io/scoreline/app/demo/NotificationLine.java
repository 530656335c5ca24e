package io.scoreline.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.gamification.notifications.Notification;

/** One notification as a sentence for the live terminal, from the fields its payload carries. */
final class NotificationLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationLine() {}

    static String of(Notification notification) {
        var payload = payload(notification.payload());
        var who = notification.profileEmail();
        return switch (notification.kind()) {
            case BADGE_EARNED ->
                who + " earned '"
                        + payload.path("name").asText(payload.path("badge").asText()) + "' ("
                        + payload.path("period_key").asText() + ")";
            case TOOK_LEAD ->
                who + " took the lead in '" + payload.path("contest").asText() + "' with "
                        + payload.path("score").asText();
            case ENTERED_TOP3 ->
                who + " is now #" + payload.path("rank").asText() + " in '"
                        + payload.path("contest").asText() + "'";
            case TARGET_REACHED ->
                who + " reached the target of '" + payload.path("contest").asText() + "'";
            case CONTEST_WON -> who + " won '" + payload.path("contest").asText() + "'";
            case PAIR_RESULT ->
                who + " " + payload.path("result").asText() + " against "
                        + payload.path("opponent").asText() + " in '"
                        + payload.path("contest").asText() + "'";
            case GOAL_REACHED ->
                who + " reached their " + payload.path("kpi").asText() + " goal of "
                        + payload.path("target").asText() + " ("
                        + payload.path("period").asText() + ")";
            case GOAL_BEHIND_PACE ->
                who + " is behind pace on " + payload.path("kpi").asText() + ": "
                        + payload.path("value").asText() + " of an expected "
                        + payload.path("expected").asText() + " ("
                        + payload.path("period").asText() + ")";
        };
    }

    private static JsonNode payload(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Payloads are written by our own stores; an unreadable one still gets its kind shown.
            return JSON.createObjectNode();
        }
    }
}
