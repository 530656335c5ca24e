-- Room on each kpi_values page for the next versions of its cells (ADR 0018). A backfill updates
-- every touched cell once per page that touches it (~0.4 updates per record read), and with full
-- pages only about a third of those updates were heap-only (HOT): the rest wrote a new entry into
-- both of the table's indexes. With 30 % of each page left free, an update finds room beside the
-- row it replaces. Applies to pages written from now on.
/* [jooq ignore start] */
alter table kpi_values set (fillfactor = 70);
/* [jooq ignore stop] */
