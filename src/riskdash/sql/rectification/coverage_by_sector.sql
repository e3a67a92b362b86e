-- Grain: one row per sector in the settings' order (only $industry when given): active enterprises in
-- $region and below, those inspected by a supervising level (city, county or township) from $start to $end
-- (not after $as_of), and, beside it, those that checked themselves (企业自查).
-- coverage = supervised_enterprises ÷ active_enterprises; self-check share = self_checked ÷ active.
-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
with active as (
    select enterprise_id, enterprise_no, industry
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
    sectors.code as industry,
    sectors.name_zh,
    sectors.name_en,
    count(active.enterprise_id) as active_enterprises,
    count(*) filter (where inspected.is_supervised) as supervised_enterprises,
    count(*) filter (where inspected.is_self_checked) as self_checked_enterprises
from sectors
left join active on active.industry = sectors.code
left join inspected on inspected.enterprise_no = active.enterprise_no
where $industry is null or sectors.code = $industry
group by sectors.code, sectors.name_zh, sectors.name_en, sectors.sort_order
order by sectors.sort_order, sectors.code;
