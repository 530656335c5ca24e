package io.scoreline.pipeline.access;

import io.scoreline.pipeline.audit.Actor;

/** Who a request with a valid key acts as. */
public sealed interface ApiCaller {

    long keyId();

    Scope scope();

    /** How audit rows name it: by key id, never by key. */
    default Actor actor() {
        return new Actor.ApiKey(keyId());
    }

    /** A key of one organization: everything it does runs in that organization's transactions. */
    record OrganizationKey(long keyId, long organizationId, Scope scope) implements ApiCaller {}

    /** A key of the installation: it creates and lists organizations and sees no tenant's data. */
    record PlatformKey(long keyId, Scope scope) implements ApiCaller {}
}
