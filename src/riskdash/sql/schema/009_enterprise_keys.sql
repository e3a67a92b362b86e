-- Schema version 9: an integer surrogate key for enterprises, carried by hazards and inspections.
--
-- Hazards and inspections name their enterprise by the varchar enterprise_id of the import contract. Every
-- region or sector filter and every per-enterprise grouping of them had to hash that string over millions
-- of rows (about ten times a bare scan, docs/bench-rectification.md); an integer does the same for a
-- fraction. enterprise_no is an identity, not a derived value: it is given once to an enterprise and never
-- changes (enterprises are never deleted: hazards reference them). hazards.enterprise_no and
-- inspections.enterprise_no copy it; db.sync_enterprise_keys() sets them inside every write transaction
-- (import, record forms, restore, demo build), and tests/test_enterprise_keys.py checks each of those
-- paths leaves no row whose number disagrees with its enterprise_id. The column is internal: it is not in the
-- import contract, exports or backups' meaning, and it is left out of record views and audit entries.
-- An inspection of an enterprise not on record (inspections carry no foreign key) keeps a null number, so it
-- matches no enterprise, as its enterprise_id matched none before.

alter table enterprises add column if not exists enterprise_no integer;
alter table hazards add column if not exists enterprise_no integer;
alter table inspections add column if not exists enterprise_no integer;
