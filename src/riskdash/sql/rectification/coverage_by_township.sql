-- Grain: one row per township-level region in $region and below: its active enterprises (sector $industry,
-- all when null), those inspected by a supervising level (city, county or township) from $start to $end
-- (not after $as_of), and, beside it, those that checked themselves (企业自查).
-- coverage = supervised_enterprises ÷ active_enterprises; self-check share = self_checked ÷ active.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name
    from scope_townships($region, $account_region)
),

-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
active as (
    select enterprise_id, enterprise_no, region_code
    from scoped_enterprises($region, $account_region, $industry)
    where status = 'active'
),

inspected as (
    -- per enterprise straight from inspections (in time order on disk: the period skips most row groups);
    -- the region and sector come with the active enterprises they are joined to
    select
        enterprise_no,
        bool_or(level in ('city', 'county', 'township')) as is_supervised,
        bool_or(level = 'self') as is_self_checked
    from inspections
    where inspected_on between $start and $end
      and inspected_on <= $as_of
    group by enterprise_no
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    count(active.enterprise_id) as active_enterprises,
    count(*) filter (where inspected.is_supervised) as supervised_enterprises,
    count(*) filter (where inspected.is_self_checked) as self_checked_enterprises
from townships
left join active on active.region_code = townships.region_code
left join inspected on inspected.enterprise_no = active.enterprise_no
group by townships.region_code, townships.county_name, townships.township_name
order by townships.region_code;
