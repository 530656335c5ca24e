package io.scoreline.pipeline.tenancy;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.KPI_CHANGES;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.ORGANIZATIONS;
import static io.scoreline.pipeline.db.Tables.WEBHOOK_INBOX;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Creates organizations and looks them up across tenants through the directory function. */
public final class OrganizationStore {

    private final TenantTransactions transactions;

    public OrganizationStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Organization create(NewOrganization request) {
        return create(request, OrganizationOrigin.OPERATOR);
    }

    /** Creates it as {@link #create(NewOrganization)} does, with the audit row in the same transaction. */
    public Organization create(NewOrganization request, Actor actor) {
        return create(request, OrganizationOrigin.OPERATOR, Optional.of(actor));
    }

    /** @param origin who creates it: only the demo's own organizations may be reset by the demo */
    public Organization create(NewOrganization request, OrganizationOrigin origin) {
        return create(request, origin, Optional.empty());
    }

    private Organization create(NewOrganization request, OrganizationOrigin origin, Optional<Actor> actor) {
        if (findBySlug(request.slug()).isPresent()) {
            throw ScorelineException.conflict("organization '" + request.slug() + "' already exists");
        }
        // The id is drawn first: the insert must already run as the new organization to pass
        // the row-level security check.
        long id = transactions.withoutOrganization(
                tx -> tx.select(DSL.field("nextval(pg_get_serial_sequence('organizations', 'id'))", Long.class))
                        .fetchSingle()
                        .value1());
        try {
            return transactions.inOrganization(id, tx -> {
                var created = insert(tx, id, request, origin);
                actor.ifPresent(a -> AuditLog.append(
                        tx,
                        id,
                        new AuditEntry(
                                a,
                                "organization.create",
                                "organization:" + id,
                                Map.of(
                                        "slug", created.slug(),
                                        "name", created.name(),
                                        "timezone", created.timezone().getId(),
                                        "week_start", created.weekStart().name().toLowerCase(Locale.ROOT)))));
                return created;
            });
        } catch (ScorelineException e) {
            if (findBySlug(request.slug()).isPresent()) {
                throw ScorelineException.conflict("organization '" + request.slug() + "' already exists");
            }
            throw e;
        }
    }

    /**
     * Applies {@code change} and appends its audit row, in one transaction of the organization.
     *
     * @throws ScorelineException not found when the organization does not exist (or is another's)
     */
    public Organization update(long id, OrganizationChange change, Actor actor) {
        return transactions.inOrganization(id, tx -> {
            var values = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
            change.name().ifPresent(n -> values.put(ORGANIZATIONS.NAME, n));
            change.timezone().ifPresent(z -> values.put(ORGANIZATIONS.TIMEZONE, z.getId()));
            change.weekStart()
                    .ifPresent(
                            d -> values.put(ORGANIZATIONS.WEEK_START, d.name().toLowerCase(Locale.ROOT)));
            var row = tx.update(ORGANIZATIONS)
                    .set(values)
                    .where(ORGANIZATIONS.ID.eq(id))
                    .returning()
                    .fetchOptional()
                    .orElseThrow(() -> ScorelineException.notFound("no organization with id " + id));
            AuditLog.append(
                    tx, id, new AuditEntry(actor, "organization.update", "organization:" + id, change.summary()));
            return new Organization(
                    row.getId(),
                    row.getSlug(),
                    row.getName(),
                    ZoneId.of(row.getTimezone()),
                    DayOfWeek.valueOf(row.getWeekStart().toUpperCase(Locale.ROOT)),
                    row.getCreatedAt().toInstant());
        });
    }

    private static Organization insert(DSLContext tx, long id, NewOrganization request, OrganizationOrigin origin) {
        var row = tx.insertInto(ORGANIZATIONS)
                .set(ORGANIZATIONS.ID, id)
                .set(ORGANIZATIONS.SLUG, request.slug())
                .set(ORGANIZATIONS.NAME, request.name())
                .set(ORGANIZATIONS.TIMEZONE, request.timezone().getId())
                .set(ORGANIZATIONS.WEEK_START, request.weekStart().name().toLowerCase(Locale.ROOT))
                .set(ORGANIZATIONS.CREATED_BY, origin.key())
                .returning()
                .fetchSingle();
        return new Organization(
                row.getId(),
                row.getSlug(),
                row.getName(),
                ZoneId.of(row.getTimezone()),
                DayOfWeek.valueOf(row.getWeekStart().toUpperCase(Locale.ROOT)),
                row.getCreatedAt().toInstant());
    }

    /**
     * Deletes the organization and everything it owns (integrations, records, KPIs, awards).
     * Irreversible: the demo resets only its own organizations, through
     * {@link #delete(long, OrganizationOrigin)}. The write paths' tables
     * ({@code crm_records}, {@code kpi_facts}, {@code kpi_values}, {@code kpi_changes},
     * {@code webhook_inbox}) have no foreign key to organizations (V7, V9; ADRs 0009, 0013), so
     * their rows are deleted here, first, in one statement each; the other tables follow through
     * their keys' cascades.
     */
    public void delete(long id) {
        transactions.inOrganization(id, tx -> deleteAll(tx, id));
    }

    /**
     * Deletes the organization as {@link #delete} does, but only if {@code origin} created it;
     * otherwise nothing is deleted and a conflict names who did. Checked in the same transaction,
     * with the row locked, so that nothing can change its origin in between.
     */
    public void delete(long id, OrganizationOrigin origin) {
        transactions.inOrganization(id, tx -> {
            var createdBy = tx.select(ORGANIZATIONS.CREATED_BY)
                    .from(ORGANIZATIONS)
                    .where(ORGANIZATIONS.ID.eq(id))
                    .forUpdate()
                    .fetchOptional(ORGANIZATIONS.CREATED_BY)
                    .orElseThrow(() -> ScorelineException.notFound("no organization with id " + id));
            if (OrganizationOrigin.fromKey(createdBy) != origin) {
                throw ScorelineException.conflict("organization " + id + " was created by " + createdBy + ", not by "
                        + origin.key() + ": it is not deleted");
            }
            return deleteAll(tx, id);
        });
    }

    /** Who created the organization. */
    public OrganizationOrigin origin(long id) {
        return transactions.inOrganization(
                id,
                tx -> tx.select(ORGANIZATIONS.CREATED_BY)
                        .from(ORGANIZATIONS)
                        .where(ORGANIZATIONS.ID.eq(id))
                        .fetchOptional(ORGANIZATIONS.CREATED_BY)
                        .map(OrganizationOrigin::fromKey)
                        .orElseThrow(() -> ScorelineException.notFound("no organization with id " + id)));
    }

    private static int deleteAll(DSLContext tx, long id) {
        for (Table<?> table : List.<Table<?>>of(KPI_CHANGES, KPI_VALUES, KPI_FACTS, CRM_RECORDS, WEBHOOK_INBOX)) {
            tx.deleteFrom(table)
                    .where(table.field("organization_id", Long.class).eq(id))
                    .execute();
        }
        return tx.deleteFrom(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(id)).execute();
    }

    public List<Organization> list() {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, slug, name, timezone, week_start, created_at from scoreline_org_directory() order by slug")
                .fetch(OrganizationStore::fromDirectory));
    }

    public Optional<Organization> findBySlug(String slug) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, slug, name, timezone, week_start, created_at from scoreline_org_directory() where slug = ?",
                        slug)
                .fetchOptional(OrganizationStore::fromDirectory));
    }

    /** The organization named {@code slug}, or a not-found error that says how to list them. */
    public Organization require(String slug) {
        return findBySlug(slug)
                .orElseThrow(
                        () -> ScorelineException.notFound("no organization '" + slug + "' (see `scoreline org list`)"));
    }

    /** The organization, read in its own transaction: row-level security has the last word. */
    public Organization get(long id) {
        return transactions
                .inOrganization(
                        id,
                        tx -> tx.selectFrom(ORGANIZATIONS)
                                .where(ORGANIZATIONS.ID.eq(id))
                                .fetchOptional()
                                .map(row -> new Organization(
                                        row.getId(),
                                        row.getSlug(),
                                        row.getName(),
                                        ZoneId.of(row.getTimezone()),
                                        DayOfWeek.valueOf(row.getWeekStart().toUpperCase(Locale.ROOT)),
                                        row.getCreatedAt().toInstant())))
                .orElseThrow(() -> ScorelineException.notFound("no organization with id " + id));
    }

    public Organization require(long id) {
        return transactions
                .withoutOrganization(tx -> tx.resultQuery(
                                "select id, slug, name, timezone, week_start, created_at from scoreline_org_directory() where id = ?",
                                id)
                        .fetchOptional(OrganizationStore::fromDirectory))
                .orElseThrow(() -> ScorelineException.notFound("no organization with id " + id));
    }

    private static Organization fromDirectory(Record r) {
        return new Organization(
                r.get("id", Long.class),
                r.get("slug", String.class),
                r.get("name", String.class),
                ZoneId.of(r.get("timezone", String.class)),
                DayOfWeek.valueOf(r.get("week_start", String.class).toUpperCase(Locale.ROOT)),
                r.get("created_at", OffsetDateTime.class).toInstant());
    }
}
