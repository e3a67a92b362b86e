-- Grain: one row per township-level region in $region and below × requirement of the "四个必须到位" (speech:
-- 安监站专职人员配备、安监经费列入财政预算、赋予安监站权力、乡镇安监人员双重管理必须到位): a view over the
-- checklist items, never an item of its own (issue 18: each requirement is counted once). staff reads the item
-- full_time_staff where it binds the township (its class requires full-time staff), else named_person; budget
-- reads funding, powers delegated_enforcement, dual four_dual. is_done = that item done on $as_of (the
-- checklist_applicable macro); a requirement whose items bind the township not at all has item_code empty and
-- is not done.
with items as (
    select region_code, item_code, is_done
    from checklist_applicable($as_of, cast(null as date), cast(null as date), cast(null as date), cast(null as date),
                              $staff_min_key, $staff_min_ordinary)
    where region_code in (select region_code from scope_regions($region, $account_region))
),

requirements(requirement, sort_order, item_code, preference) as (
    values ('staff', 1, 'full_time_staff', 1), ('staff', 1, 'named_person', 2), ('budget', 2, 'funding', 1),
           ('powers', 3, 'delegated_enforcement', 1), ('dual', 4, 'four_dual', 1)
),

chosen as (
    -- per township and requirement, the most preferred of its items that binds the township
    select
        items.region_code,
        requirements.requirement,
        arg_min(items.item_code, requirements.preference) as item_code,
        arg_min(items.is_done, requirements.preference) as is_done
    from items
    join requirements using (item_code)
    group by items.region_code, requirements.requirement
),

townships as (
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    requirements.requirement,
    chosen.item_code,
    coalesce(chosen.is_done, false) as is_done
from townships
cross join (select distinct requirement, sort_order from requirements) as requirements
left join chosen
       on chosen.region_code = townships.region_code and chosen.requirement = requirements.requirement
order by townships.region_code, requirements.sort_order;
