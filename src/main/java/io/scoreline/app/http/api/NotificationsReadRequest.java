package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code POST /api/v1/notifications/read}: the notifications to mark read (1 to 500 ids). */
@Serdeable
public record NotificationsReadRequest(List<Long> ids) {}
