-- Grain: one row per control target (控制指标) beside the total set for $region in $year (class_targets):
-- deaths (incl. missing) per statistical class (sectors.stat_class) and the number of 较大及以上 accidents
-- (larger_accidents), in a fixed order. `used` counts from 1 January of $year to $end in $region and below
-- (and the account's region), every sector whatever the sector filter: a target is the region's, as the total's.
with year_to_date as (
    select sectors.stat_class, accidents.deaths_incl_missing, accidents.is_larger_and_above
    from scoped_accidents_graded($region, $account_region, null) as accidents
    join sectors on sectors.code = accidents.industry
    where accidents.occurred_on between make_date($year, 1, 1) and $end
),

used as (
    select stat_class as target_class, sum(deaths_incl_missing) as used
    from year_to_date
    group by stat_class
    union all
    select 'larger_accidents', count(*) filter (where is_larger_and_above)
    from year_to_date
)

select
    class_targets.target_class,
    class_targets.max_count,
    coalesce(used.used, 0) as used
from class_targets
left join used on used.target_class = class_targets.target_class
where class_targets.year = $year
  and class_targets.region_code = $region
order by list_position(['industrial', 'road_traffic', 'fire', 'railway', 'waterway', 'fishing',
                        'agricultural_machinery', 'larger_accidents'], class_targets.target_class);
