package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.CallOutcome;
import java.util.List;

/**
 * The org's custom {@code Task.Call_Outcome__c} picklist: a coarser outcome than the free-text
 * {@code CallDisposition}, derived from it so that the two never disagree on a call.
 */
final class CallOutcomePicklist {

    static final List<String> VALUES = List.of("Connected", "Voicemail", "No Answer", "Wrong Number");

    private CallOutcomePicklist() {}

    static String of(CallOutcome outcome) {
        return switch (outcome) {
            case CONNECTED, MEETING_BOOKED -> "Connected";
            case LEFT_VOICEMAIL, LEFT_LIVE_MESSAGE -> "Voicemail";
            case BUSY, NO_ANSWER -> "No Answer";
            case WRONG_NUMBER -> "Wrong Number";
        };
    }
}
