-- Grain: one row per sector in the settings' order (only $industry when given), for the hazards found from
-- $start to $end and not after $as_of at enterprises in $region and below, as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found.
with counted as (
    -- the counts per sector (scoped_hazard_counts, sql/views/hazard_counts.sql)
    select * from scoped_hazard_counts('industry', $region, $account_region, $industry, $start, $end, $as_of)
)

select
    sectors.code as industry,
    sectors.name_zh,
    sectors.name_en,
    coalesce(counted.found, 0) as found,
    coalesce(counted.general_found, 0) as general_found,
    coalesce(counted.general_rectified, 0) as general_rectified,
    coalesce(counted.major_found, 0) as major_found,
    coalesce(counted.major_closed, 0) as major_closed,
    coalesce(counted.overdue, 0) as overdue,
    coalesce(counted.supervised_open, 0) as supervised_open
from sectors
left join counted on counted.group_code = sectors.code
where $industry is null or sectors.code = $industry
order by sectors.sort_order, sectors.code;
