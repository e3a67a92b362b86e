-- The hazards of the rectification screen's filters, in one place for its per-township and per-sector tables
-- and the monthly form: found from start_on to end_on and not after as_of, at enterprises in region_root and
-- below (sector sector_code; every sector when null), each with its enterprise's township and sector.
-- found_on first: hazards lie in time order on disk, so the period skips most row groups; the enterprise is
-- matched on the integer enterprise_no (schema 9). A table macro is inlined where it is used, so a query
-- reads only the columns it selects from it.
create or replace macro filtered_hazards(region_root, sector_code, start_on, end_on, as_of) as table
select
    hazards.*,
    region_enterprises.region_code,
    region_enterprises.industry
from hazards
join (
    select enterprise_no, region_code, industry
    from enterprises
    where region_code in (select region_code from region_ancestors where ancestor_code = region_root)
      and (sector_code is null or industry = sector_code)
) as region_enterprises on region_enterprises.enterprise_no = hazards.enterprise_no
where hazards.found_on between start_on and end_on
  and hazards.found_on <= as_of;
