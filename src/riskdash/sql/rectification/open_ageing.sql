-- Grain: one row per age band (0–30, 31–90, 91–180, 181–365, over 365 days) and hazard grade, for the hazards
-- found from $start to $end and not after $as_of at enterprises in $region and below (sector $industry, all
-- when null) that are still not done on $as_of; age = as-of − found_on, in days.
with bands as (
    select * from (values
        (1, 'd0_30', 0, 30), (2, 'd31_90', 31, 90), (3, 'd91_180', 91, 180), (4, 'd181_365', 181, 365),
        (5, 'd366_plus', 366, 1000000)
    ) as b (band_order, band, min_days, max_days)
),

grades as (
    select * from (values ('general', 1), ('major', 2)) as g (grade, grade_order)
),

period_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups
    select grade, found_on, deadline, rectified_on, verified_on
    from scoped_hazards($region, $account_region, $industry)
    where found_on between $start and $end
      and found_on <= $as_of
),

open_hazards as (
    select
        grade,
        $as_of - found_on as age_days,
        -- overdue as hazard_state() has it for a hazard found by as-of and not done: the deadline before as-of
        deadline < $as_of as is_overdue
    from period_hazards
    where not hazard_is_done(grade, rectified_on, verified_on, $as_of)
)

select
    bands.band,
    grades.grade,
    count(open_hazards.grade) as open_hazards,
    count(*) filter (where open_hazards.is_overdue) as overdue
from bands
cross join grades
left join open_hazards
    on open_hazards.grade = grades.grade
   and open_hazards.age_days between bands.min_days and bands.max_days
group by bands.band, bands.band_order, grades.grade, grades.grade_order
order by bands.band_order, grades.grade_order;
