-- A contest can be cancelled (issue 21, ADR 0041): it stops scoring and notifying, and no placement
-- badges are awarded. Cancelled is an end state beside final; the lifecycle ticker skips both.
alter table contests drop constraint contests_status_check;
alter table contests add constraint contests_status_check
    check (status in ('scheduled', 'live', 'provisional', 'final', 'cancelled'));
alter table contests add column cancelled_at timestamptz;

-- The API pages awards newest first (awarded_at, id): one index range per page.
create index profile_badges_awarded_idx on profile_badges (organization_id, awarded_at desc, id desc);
