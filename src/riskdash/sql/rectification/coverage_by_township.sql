-- Grain: one row per township-level region in $region and below: its active enterprises (sector $industry,
-- all when null), those inspected by a supervising level (city, county or township) from $start to $end
-- (not after $as_of), and, beside it, those that checked themselves (企业自查).
-- coverage = supervised_enterprises ÷ active_enterprises; self-check share = self_checked ÷ active.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name
    from scope_townships($region, $account_region)
),

counted as (
    -- the counts per township (scoped_coverage_counts, sql/views/coverage_counts.sql)
    select * from scoped_coverage_counts('region_code', $region, $account_region, $industry, $start, $end, $as_of)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    coalesce(counted.active_enterprises, 0) as active_enterprises,
    coalesce(counted.supervised_enterprises, 0) as supervised_enterprises,
    coalesce(counted.self_checked_enterprises, 0) as self_checked_enterprises
from townships
left join counted on counted.group_code = townships.region_code
order by townships.region_code;
