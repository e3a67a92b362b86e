-- One row per inspection with its enterprise's region and sector; supervisory = city, county or township
-- level (企业自查 is shown beside coverage, never inside it).
create or replace view inspections_enriched as
select
    inspections.*,
    enterprises.region_code,
    enterprises.industry,
    inspections.level in ('city', 'county', 'township') as is_supervisory
from inspections
join enterprises using (enterprise_id);
