-- Grain: one row per hazard of the region's enterprises whose closed loop is not finished.
-- Not finished: a general hazard not rectified, a major hazard not verified (整改销号), or a hazard under
-- 挂牌督办 not yet delisted (摘牌); oldest found first, at most $limit rows.
with region_enterprises as (
    -- matched on the integer enterprise_no (schema 9)
    select enterprise_id, enterprise_no, name as enterprise_name
    from scoped_enterprises($region, $account_region, null)  -- every sector
),
unfinished as (
    select h.hazard_id, h.found_on, h.grade, h.deadline, h.rectified_on, h.verified_on, h.supervision_level,
           h.supervised_on, h.delisted_on, h.description, e.enterprise_id, e.enterprise_name
    from hazards h
    join region_enterprises e on e.enterprise_no = h.enterprise_no
    where (h.grade = 'major' and h.verified_on is null)
       or (h.grade <> 'major' and h.rectified_on is null)
       or (h.supervision_level <> 'none' and h.delisted_on is null)
)
select *
from unfinished
order by found_on, hazard_id
limit $limit
