-- One row per hazard with its enterprise's region and sector: hazards filter on the enterprise's region.
create or replace view hazards_enriched as
select
    hazards.*,
    enterprises.region_code,
    enterprises.industry
from hazards
join enterprises on enterprises.enterprise_no = hazards.enterprise_no;  -- the integer key (schema 9)
