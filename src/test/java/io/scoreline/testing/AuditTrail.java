package io.scoreline.testing;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;

import io.scoreline.pipeline.database.TenantTransactions;
import java.util.List;

/** An organization's audit log as "actor action target details" lines, oldest first. */
public final class AuditTrail {

    private AuditTrail() {}

    public static List<String> lines(ScorelineServer server, long organizationId) {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        organizationId,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ORGANIZATION_ID.eq(organizationId))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch())
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + r.value4().data());
    }
}
