-- Retention (ADR 0025): `serve` deletes done webhook inbox rows and processed kpi_changes rows
-- older than a configured age, a thousand rows per transaction, one organization at a time. These
-- indexes let each batch find its rows directly instead of scanning the table once per batch and
-- organization. They hold only rows that are finished (the write paths insert pending rows, which
-- they leave out), at the cost of one index entry when a row is marked done or processed: that
-- update already writes a new row version outside HOT, since the pending indexes' predicates change.
create index webhook_inbox_done_idx on webhook_inbox (organization_id, processed_at) where status = 'done';
create index kpi_changes_processed_idx on kpi_changes (organization_id, processed_at) where processed_at is not null;
