-- Grain: one row for the accidents that occurred from $start to $end (both days included) in $region and
-- everything below it, in sector $industry (all sectors when null); accidents filter on their own region.
-- Counts are sums of the recorded columns; deaths_incl_missing is the official 死亡（含失踪）.
-- risk_involved: 较大涉险事故 (原安监总局令第21号 Art. 26; docs/rules.md#accident-grades), the macro
-- is_larger_risk_involved of sql/views/macros.sql, the same rule as accidents_graded.is_larger_risk_involved.
-- fatal_general (一般亡人事故, the speeches' "一般亡人事故时有发生"): an accident of grade 一般 (国务院令第493号
-- Art. 3: 3人以下死亡, under 10 serious injuries, under 1,000万元) with at least one death, counted as the
-- 《生产安全事故统计调查制度》 counts deaths, 死亡（含失踪）: one missing person and no death is 亡人; a 较大 or
-- worse accident is never 一般亡人. fatal_general_deaths: their 死亡（含失踪）.
with in_scope as (
    select deaths, missing, deaths + missing as deaths_incl_missing, serious_injuries, direct_loss_wan,
           endangered, trapped, evacuated
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
),

-- the grade macro alone, not the accidents_graded view: its other columns cost planning time on every call
selected as (
    select *, accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade,
           is_larger_risk_involved(deaths_incl_missing, serious_injuries, direct_loss_wan,
                                   endangered, trapped, missing, evacuated) as is_risk_involved
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
    coalesce(sum(deaths_incl_missing) filter (where grade <> 'general'), 0) as larger_and_above_deaths,
    count(*) filter (where is_risk_involved) as risk_involved,
    count(*) filter (where grade = 'general' and deaths_incl_missing >= 1) as fatal_general,
    coalesce(sum(deaths_incl_missing) filter (where grade = 'general' and deaths_incl_missing >= 1), 0)
        as fatal_general_deaths
from selected;
