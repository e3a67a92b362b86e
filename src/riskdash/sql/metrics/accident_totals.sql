-- Grain: one row for the accidents that occurred from $start to $end (both days included) in $region and
-- everything below it, in sector $industry (all sectors when null); accidents filter on their own region.
-- Counts are sums of the recorded columns; deaths_incl_missing is the official 死亡（含失踪）.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

selected as (
    select accidents_graded.*
    from accidents_graded
    where occurred_on between $start and $end
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
)

select
    count(*) as accidents,
    coalesce(sum(deaths), 0) as deaths,
    coalesce(sum(missing), 0) as missing,
    coalesce(sum(deaths_incl_missing), 0) as deaths_incl_missing,
    coalesce(sum(serious_injuries), 0) as serious_injuries,
    coalesce(sum(direct_loss_wan), 0) as direct_loss_wan,
    count(*) filter (where grade = 'general') as grade_general,
    count(*) filter (where grade = 'larger') as grade_larger,
    count(*) filter (where grade = 'major') as grade_major,
    count(*) filter (where grade = 'especially_major') as grade_especially_major,
    count(*) filter (where is_larger_and_above) as larger_and_above,
    coalesce(sum(deaths_incl_missing) filter (where is_larger_and_above), 0) as larger_and_above_deaths
from selected;
