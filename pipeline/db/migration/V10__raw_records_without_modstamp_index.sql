-- The page write path, continued (ADR 0014 §4). `crm_records_modstamp_idx` (integration, modstamp)
-- cost an index insertion on every stored record, and, because every upsert changes `modstamp`,
-- it also kept each update of a stored record from being a heap-only (HOT) update, so an
-- incremental sync paid for new entries in the primary key as well. Its one reader is the
-- backfill's push-down safety check (`StoredRecordReader.anyModifiedBefore`), once per object per
-- backfill: it now walks the primary key's range of that object and stops at the first record
-- modified before the window, which is almost always one of the first it meets.
drop index crm_records_modstamp_idx;
