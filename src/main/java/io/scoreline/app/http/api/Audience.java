package io.scoreline.app.http.api;

/** Which keys an endpoint is for; any other key gets 404, as if the endpoint did not exist. */
public enum Audience {
    /** Keys of one organization: the endpoint acts on that organization. */
    ORGANIZATION,
    /** Platform keys: the endpoint acts on the installation (organizations). */
    PLATFORM,
    /** Every valid key (the OpenAPI document). */
    ANY
}
