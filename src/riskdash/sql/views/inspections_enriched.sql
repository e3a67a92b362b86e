-- One row per inspection with its enterprise's region and sector; supervisory = city, county or township
-- level (企业自查 is shown beside coverage, never inside it).
create or replace view inspections_enriched as
select
    inspections.*,
    enterprises.region_code,
    enterprises.industry,
    inspections.level in ('city', 'county', 'township') as is_supervisory
from inspections
-- on the integer key (schema 9); an inspection of an enterprise not on record has none and drops out
join enterprises on enterprises.enterprise_no = inspections.enterprise_no;
