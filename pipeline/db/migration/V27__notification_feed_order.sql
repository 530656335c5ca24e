-- The notification feed of the admin API (issue 21, ADR 0040) pages in the order notifications
-- became visible, not in id order: an identity value is taken when a row is inserted, and a
-- transaction that took id 10 may commit after the one that took id 11, so a poller whose cursor
-- moved past 11 would never see 10. Each row keeps the id of the transaction that wrote it; the
-- feed answers only rows of transactions older than every transaction still running (the
-- snapshot's xmin), in (transaction, id) order, so nothing can later appear behind a cursor.
/* [jooq ignore start] */
-- Existing rows get the migration's transaction id: they are all visible, in id order.
alter table notifications add column created_xid xid8 not null default pg_current_xact_id();

-- One index range per page: the organization's feed, and one person's feed.
create index notifications_feed_idx on notifications (organization_id, created_xid, id);
create index notifications_profile_feed_idx on notifications (organization_id, profile_id, created_xid, id);
/* [jooq ignore stop] */
