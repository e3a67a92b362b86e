-- Grain: one row for the whole database.
-- The latest day on which something happened in the records (an accident, an inspection, a hazard found,
-- rectified, verified, placed under or taken off 挂牌督办): the data_as_of an import sets unless told one.
-- Deadlines and filing dates are left out: a deadline in the future is not data about the past.
with days as (
    select max(cast(occurred_at as date)) as day from accidents
    union all select max(inspected_on) from inspections
    union all select max(found_on) from hazards
    union all select max(rectified_on) from hazards
    union all select max(verified_on) from hazards
    union all select max(supervised_on) from hazards
    union all select max(delisted_on) from hazards
)
select max(day) as latest_day
from days
