-- The runtime role's rights, narrowed (ADR 0022). V2 made every future table writable by
-- ${app_role} through default privileges, and V3 re-granted DML on every table, the Flyway
-- history included. From here on a table is writable by the runtime role only if the migration
-- that creates it says so; RuntimeRoleGrantsTest fails on a writable table that is neither
-- scoped by row-level security nor on its allow-list.
--
-- Subtractive on purpose: tables created by earlier migrations keep the grants they were made
-- with, and only what the runtime role must never touch is taken away, by name.
/* [jooq ignore start] */
alter default privileges in schema public revoke select, insert, update, delete on tables from ${app_role};
alter default privileges in schema public revoke usage, select on sequences from ${app_role};

-- Flyway's record of what ran: rewriting it would let the runtime role make a migration look
-- applied (or make one run again).
revoke all on flyway_schema_history from ${app_role};
revoke all on master_key_fingerprint from ${app_role};

-- TRUNCATE ignores row-level security; TRIGGER and REFERENCES are never needed at run time.
revoke truncate, trigger, references on all tables in schema public from ${app_role};
-- setval would let the role make ids collide or jump.
revoke update on all sequences in schema public from ${app_role};
revoke create on schema public from ${app_role};
/* [jooq ignore stop] */
