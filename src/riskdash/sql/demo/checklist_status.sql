-- One row per township × checklist item (items for key townships only where the township is key).
-- Most townships are done; a few key townships and more ordinary ones lag, so that some are late at
-- their deadline (key townships and zones 30 June, all 31 December).
insert into checklist_status (region_code, item_code, status, status_on, evidence)
with progress as (
    select
        region_code,
        township_class,
        case
            when township_class = 'key' and demo_u($seed, region_code, 'check:complete') < 0.75 then 1.0
            when township_class = 'key' then 0.5 + 0.4 * demo_u($seed, region_code, 'check:share')
            when demo_u($seed, region_code, 'check:complete') < 0.55 then 1.0
            else 0.3 + 0.6 * demo_u($seed, region_code, 'check:share')
        end as done_share
    from demo_townships
),
items as (
    select p.region_code, p.done_share, c.item_code, c.item_group,
           hash(p.region_code, c.item_code, $seed, 'check:key') as item_key
    from progress p
    join checklist_items c on c.applies_to = 'all' or p.township_class = 'key'
    -- the staffing items are computed from township_stations (demo/township_stations.sql), never ticked
    where c.item_code not in ('full_time_staff', 'station_head')
),
statused as (
    select
        items.*,
        case when demo_u($seed, item_key, 'check:done') < done_share then 'done'
             when demo_u($seed, item_key, 'check:started') < 0.6 then 'in_progress'
             else 'not_started' end as status
    from items
)
select
    region_code,
    item_code,
    status,
    case status
        when 'done' then cast($today as date) - cast(floor(demo_u($seed, item_key, 'check:on') * 500) as integer)
        when 'in_progress' then cast($today as date) - cast(floor(demo_u($seed, item_key, 'check:on') * 60) as integer)
    end as status_on,
    case status
        when 'done' then case item_group
            when '机构建设' then '安监站设置批复文件'
            when '职责规范' then '监管职责公示照片'
            when '经费保障' then '财政预算批复'
            when '队伍建设' then '人员任命文件及花名册'
            when '六有' then '设施设备台账及照片'
            when '委托执法' then '县级委托执法文书'
            when '制度建设' then '监管工作制度汇编'
            when '基础档案' then '企业安全生产档案目录'
            else '落实情况说明' end
        when 'in_progress' then '正在推进'
    end as evidence
from statused;
