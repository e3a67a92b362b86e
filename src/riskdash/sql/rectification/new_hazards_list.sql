-- Grain: one row per hazard found in the $days days up to and including $as_of (from $as_of − ($days − 1)),
-- whatever the period, at enterprises in $region and below, sector $industry (all when null): 近N日新增隐患,
-- newest first. state: the hazard's state on $as_of (hazard_state(), sql/views/macros.sql).
with found as (
    -- the scope's hazards of those days, each with its enterprise's region and sector
    select *
    from scoped_hazards_found($region, $account_region, $industry, $as_of - ($days - 1), $as_of, $as_of)
)

select
    found.hazard_id,
    enterprises.enterprise_id,
    enterprises.name as enterprise_name,
    found.region_code,
    townships.county_name,
    townships.township_name,
    found.industry,
    found.grade,
    nullif(trim(found.category), '') as category,
    found.description,
    found.found_on,
    found.deadline,
    hazard_state(found.found_on, found.grade, found.deadline, found.rectified_on, found.verified_on, $as_of)
        as state,
    found.supervision_level
from found
join enterprises on enterprises.enterprise_no = found.enterprise_no
left join township_county_names as townships on townships.region_code = found.region_code  -- sql/views/township_county_names.sql
order by found.found_on desc, found.hazard_id;
