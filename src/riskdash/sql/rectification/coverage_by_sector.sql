-- Grain: one row per sector in the settings' order (only $industry when given): active enterprises in
-- $region and below, those inspected by a supervising level (city, county or township) from $start to $end
-- (not after $as_of), and, beside it, those that checked themselves (企业自查).
-- coverage = supervised_enterprises ÷ active_enterprises; self-check share = self_checked ÷ active.
with counted as (
    -- the counts per sector (scoped_coverage_counts, sql/views/coverage_counts.sql)
    select * from scoped_coverage_counts('industry', $region, $account_region, $industry, $start, $end, $as_of)
)

select
    sectors.code as industry,
    sectors.name_zh,
    sectors.name_en,
    coalesce(counted.active_enterprises, 0) as active_enterprises,
    coalesce(counted.supervised_enterprises, 0) as supervised_enterprises,
    coalesce(counted.self_checked_enterprises, 0) as self_checked_enterprises
from sectors
left join counted on counted.group_code = sectors.code
where $industry is null or sectors.code = $industry
order by sectors.sort_order, sectors.code;
