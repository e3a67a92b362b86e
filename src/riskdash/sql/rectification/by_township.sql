-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null), as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found. township_label: the name shown (sql/views/township_labels.sql).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

counted as (
    -- the counts per township (scoped_hazard_counts, sql/views/hazard_counts.sql)
    select * from scoped_hazard_counts('region_code', $region, $account_region, $industry, $start, $end, $as_of)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    coalesce(counted.found, 0) as found,
    coalesce(counted.general_found, 0) as general_found,
    coalesce(counted.general_rectified, 0) as general_rectified,
    coalesce(counted.major_found, 0) as major_found,
    coalesce(counted.major_closed, 0) as major_closed,
    coalesce(counted.overdue, 0) as overdue,
    coalesce(counted.supervised_open, 0) as supervised_open
from townships
left join counted on counted.group_code = townships.region_code
order by townships.region_code;
