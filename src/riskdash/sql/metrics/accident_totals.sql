-- Grain: one row for the accidents that occurred from $start to $end (both days included) in $region and
-- everything below it, in sector $industry (all sectors when null); accidents filter on their own region.
-- Counts are sums of the recorded columns; deaths_incl_missing is the official 死亡（含失踪）.
with in_scope as (
    select deaths, missing, deaths + missing as deaths_incl_missing, serious_injuries, direct_loss_wan
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
),

-- the grade macro alone, not the accidents_graded view: its other columns cost planning time on every call
selected as (
    select *, accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade
    from in_scope
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
    count(*) filter (where grade <> 'general') as larger_and_above,
    coalesce(sum(deaths_incl_missing) filter (where grade <> 'general'), 0) as larger_and_above_deaths
from selected;
