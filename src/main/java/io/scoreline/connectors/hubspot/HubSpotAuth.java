package io.scoreline.connectors.hubspot;

/** Where a call's bearer token comes from: a private app's fixed token, or an OAuth session that refreshes. */
sealed interface HubSpotAuth permits HubSpotAuth.PrivateApp, HubSpotOAuthSession {

    /** A token to send now; an OAuth session refreshes first when the current one is about to expire. */
    String token();

    /**
     * HubSpot refused {@code rejected} (401). True when a fresh token is worth one more try: an OAuth
     * token can have lapsed early (revoked, clock skew); a private-app token cannot be renewed.
     */
    boolean renewAfterRejection(String rejected);

    /** The portal (hub id) the credentials were issued for, when HubSpot said so. */
    default java.util.OptionalLong hubId() {
        return java.util.OptionalLong.empty();
    }

    record PrivateApp(String accessToken) implements HubSpotAuth {
        @Override
        public String token() {
            return accessToken;
        }

        @Override
        public boolean renewAfterRejection(String rejected) {
            return false;
        }

        @Override
        public String toString() {
            return "PrivateApp[accessToken=***]";
        }
    }
}
