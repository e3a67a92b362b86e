-- Grain: one row per hazard category (category null: not recorded, one row of its own) of the hazards found
-- from $start to $end and not after $as_of at enterprises in $region and below, sector $industry (all when
-- null) — the rows of the Pareto view: most hazards first (ties by category, the unrecorded last), with each
-- category's share of all these hazards and the running share down to it. major_found: of them major.
with selected as (
    -- the filters' hazards (scoped_hazards_found, sql/views/scope.sql); a blank category is not recorded
    select nullif(trim(category), '') as category, grade
    from scoped_hazards_found($region, $account_region, $industry, $start, $end, $as_of)
),

counted as (
    select
        category,
        count(*) as hazards,
        count(*) filter (where grade = 'major') as major_found
    from selected
    group by category
)

select
    category,
    hazards,
    major_found,
    hazards / sum(hazards) over () as share,
    sum(hazards) over (order by hazards desc, category is null, category
                       rows between unbounded preceding and current row)
        / sum(hazards) over () as cumulative_share
from counted
order by hazards desc, category is null, category;
