package io.scoreline.sim.data;

/**
 * Call results. Labels are what Salesforce orgs typically store in {@code CallDisposition}; the GUIDs
 * are HubSpot's default portal call outcomes ({@code hs_call_disposition}), plus one custom outcome
 * ("Meeting Booked") as portals often add, so clients must map GUIDs through the dispositions API.
 */
public enum CallOutcome {
    CONNECTED("Connected", "f240bbac-87c9-4f6e-bf70-924b57d47db7", true),
    MEETING_BOOKED("Meeting Booked", "5c1e3a92-7f0b-4d8e-9a61-3b2f4c8d7e10", true),
    BUSY("Busy", "9d9162e7-6cf3-4944-bf63-4dff82258764", false),
    NO_ANSWER("No Answer", "73a0d17f-1163-4015-bdd5-ec830791da20", false),
    LEFT_VOICEMAIL("Left Voicemail", "b2cf5968-551e-4856-9783-52b3da59a7d0", false),
    LEFT_LIVE_MESSAGE("Left Live Message", "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", false),
    WRONG_NUMBER("Wrong Number", "17b47fee-58de-441e-a44c-c6300d46f273", false);

    private final String label;
    private final String hubSpotId;
    private final boolean connected;

    CallOutcome(String label, String hubSpotId, boolean connected) {
        this.label = label;
        this.hubSpotId = hubSpotId;
        this.connected = connected;
    }

    public String label() {
        return label;
    }

    public String hubSpotId() {
        return hubSpotId;
    }

    public boolean connected() {
        return connected;
    }
}
