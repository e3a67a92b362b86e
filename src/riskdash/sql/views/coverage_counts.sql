-- The inspection-coverage counts of the tables by sector and by township
-- (sql/rectification/coverage_by_sector.sql, coverage_by_township.sql), written once: the active enterprises
-- of the scope (scoped_enterprises, sql/views/scope.sql), those inspected by a supervising level (city, county
-- or township) from start_on to end_on and not after as_of, and those that checked themselves (企业自查),
-- counted per group_code — the enterprise's sector when group_key is 'industry', else its region
-- (region_code). Counted before the caller meets its list of sectors or townships. Enterprises are matched on
-- the integer enterprise_no (schema 9), not the varchar enterprise_id.
create or replace macro scoped_coverage_counts(group_key, region_root, account_root, sector_code, start_on, end_on,
                                               as_of) as table
with active as (
    select
        enterprise_id,
        enterprise_no,
        case group_key when 'industry' then industry else region_code end as group_code
    from scoped_enterprises(region_root, account_root, sector_code)
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
    where inspected_on between start_on and end_on
      and inspected_on <= as_of
    group by enterprise_no
)

select
    active.group_code,
    count(active.enterprise_id) as active_enterprises,
    count(*) filter (where inspected.is_supervised) as supervised_enterprises,
    count(*) filter (where inspected.is_self_checked) as self_checked_enterprises
from active
left join inspected on inspected.enterprise_no = active.enterprise_no
group by active.group_code;
