-- Schema version 9: integer surrogate keys for enterprises and inspections, carried by the rows that refer
-- to them.
--
-- Hazards and inspections name their enterprise, and hazards their inspection, by the varchar ids of the
-- import contract. Every region or sector filter, every per-enterprise grouping and the hazard → inspection
-- link had to hash those strings over hundreds of thousands to millions of rows (about ten times a bare
-- scan, docs/bench-rectification.md); integers do the same for a fraction.
--
-- enterprises.enterprise_no and inspections.inspection_no are identities, not derived values: each is given
-- once and never changes (enterprises and inspections are never deleted: other rows reference them).
-- hazards.enterprise_no, inspections.enterprise_no and hazards.inspection_no copy them; db.sync_keys() sets
-- them inside every write transaction (import, record forms and edits, restore, demo build, this
-- migration), and tests/test_integer_keys.py checks that each of those paths leaves no row whose number
-- disagrees with its id. The columns are internal: not in the import contract, left out of record views,
-- exports, audit entries and the pandas peers. An inspection of an enterprise not on record (inspections
-- carry no foreign key) keeps a null enterprise_no and so matches no enterprise, as its id matched none.

alter table enterprises add column if not exists enterprise_no integer;
alter table inspections add column if not exists inspection_no integer;
alter table inspections add column if not exists enterprise_no integer;
alter table hazards add column if not exists enterprise_no integer;
alter table hazards add column if not exists inspection_no integer;
