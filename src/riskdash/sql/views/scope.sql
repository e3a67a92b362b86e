-- The scope every query starts from: the region filter and everything below it, the account's own region
-- (a login's bound, when not null), and the sector. Written once here (docs/scope.md); a query file never
-- reads region_ancestors or compares a fact's region to $region itself (tests/test_scope_catalogue.py).
-- Accidents filter on their OWN region and sector (an accident need not be at a recorded enterprise);
-- hazards, inspections and enterprises on the ENTERPRISE's region and sector. A table macro is inlined where
-- it is used: a query reads only the columns it selects, and its own period filters reach the table scans.

-- The region codes at and below region_root, and, when account_root is not null, also at or below it.
create or replace macro scope_regions(region_root, account_root) as table
select region_code
from region_ancestors
where ancestor_code = region_root
  and (account_root is null
       or region_code in (select region_code from region_ancestors where ancestor_code = account_root));

-- Whether a row of region row_region and sector row_sector is in the scope: the region at or below region_root
-- (and account_root when not null), the sector sector_code (every sector when null). The one scope test of
-- the fact macros below; inlined, it gives the plan the condition written out gives.
create or replace macro in_scope(row_region, row_sector, region_root, account_root, sector_code) as
row_region in (select region_code from scope_regions(region_root, account_root))
and (sector_code is null or row_sector = sector_code);

-- The township-level regions of the scope, each with its county (the region above it) and the name every
-- table shows for it (township_label, sql/views/township_labels.sql): the rows of a table by township. A
-- township whose parent is not on record has a null county_code and county_name; parent_code is the
-- township's own column (a zone directly under the city has the city as its parent).
create or replace macro scope_townships(region_root, account_root) as table
select
    township.region_code,
    township.name as township_name,
    township.kind,
    township.township_class,
    township.parent_code,
    county.region_code as county_code,
    county.name as county_name,
    labels.township_label
from regions as township
left join regions as county on county.region_code = township.parent_code
join township_labels as labels on labels.region_code = township.region_code
where township.level = 'township'
  and township.region_code in (select region_code from scope_regions(region_root, account_root));

-- The enterprises of the scope (sector sector_code; every sector when null); the status is the query's own.
create or replace macro scoped_enterprises(region_root, account_root, sector_code) as table
select *
from enterprises
where in_scope(region_code, industry, region_root, account_root, sector_code);

-- The accidents of the scope, on their own region and sector (industry): the columns of accidents.
create or replace macro scoped_accidents(region_root, account_root, sector_code) as table
select *
from accidents
where in_scope(region_code, industry, region_root, account_root, sector_code);

-- The accidents of the scope through the accidents_graded view (grade, criterion, 较大涉险 flag, occurred_on).
create or replace macro scoped_accidents_graded(region_root, account_root, sector_code) as table
select *
from accidents_graded
where in_scope(region_code, industry, region_root, account_root, sector_code);

-- The hazards at the scope's enterprises, matched on the integer enterprise_no (schema 9), hazard columns
-- only. When the scope keeps every enterprise (the whole city, every sector; no account bound narrower than
-- it) every hazard passes (hazards.enterprise_id is a foreign key) and the match to its enterprise, the
-- costliest step of the rectification totals, is skipped (docs/bench-rectification.md). The query's period
-- (found_on first: hazards lie in time order on disk) reaches both branches of the union.
create or replace macro scoped_hazards(region_root, account_root, sector_code) as table
with scope_enterprises as (
    select enterprise_no
    from scoped_enterprises(region_root, account_root, sector_code)
),
keeps as (
    select (select count(*) from scope_enterprises) = (select count(*) from enterprises) as keeps_all
)
select hazards.*
from hazards, keeps
where keeps.keeps_all
union all
select hazards.*
from hazards
where enterprise_no in (select enterprise_no from scope_enterprises, keeps where not keeps.keeps_all);

-- The hazards of the scope found from start_on to end_on and not after as_of, each with its enterprise's
-- region and sector (for tables per township or sector). Was filtered_hazards.
create or replace macro scoped_hazards_found(region_root, account_root, sector_code, start_on, end_on, as_of)
as table
select
    hazards.*,
    scope_enterprises.region_code,
    scope_enterprises.industry
from hazards
join (
    select enterprise_no, region_code, industry
    from scoped_enterprises(region_root, account_root, sector_code)
) as scope_enterprises on scope_enterprises.enterprise_no = hazards.enterprise_no
where hazards.found_on between start_on and end_on
  and hazards.found_on <= as_of;

-- The inspections of the scope's enterprises, matched on the integer enterprise_no: an inspection of an
-- enterprise no longer on record (enterprise_no null) is never in scope (inspections.enterprise_id is no
-- foreign key), so there is no whole-city shortcut here.
create or replace macro scoped_inspections(region_root, account_root, sector_code) as table
select *
from inspections
where enterprise_no in (
    select enterprise_no from scoped_enterprises(region_root, account_root, sector_code)
);

-- The 重点部位 ledger entries of the scope's townships (a key site sits on a township-level region; the
-- ledger has no sector).
create or replace macro scoped_key_sites(region_root, account_root) as table
select *
from key_sites
where region_code in (select region_code from scope_regions(region_root, account_root));

-- Each region at or below a region directly under region_root, with that region (unit_code): the unit a
-- table by region counts it under. A listing of regions, not a scope: the facts come from the macros above.
create or replace macro region_units(region_root) as table
select region_ancestors.region_code, units.region_code as unit_code
from region_ancestors
join regions as units on units.region_code = region_ancestors.ancestor_code
where units.parent_code = region_root;
