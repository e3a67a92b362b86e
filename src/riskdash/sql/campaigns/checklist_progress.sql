-- Grain: one row per township-level region in $region and below: checklist items that bind it, done (by
-- $as_of), in progress, not started, and late (deadline before $as_of, not done); its deadline by kind and
-- class. done share = items_done ÷ items_applicable; complete = every binding item done.
-- Deadlines and binding items come from the checklist_deadlines / checklist_applicable macros.
with deadlines as (
    select *
    from checklist_deadlines($deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all)
    where region_code in (select region_code from scope_regions($region, $account_region))
),

counted as (
    select
        region_code,
        count(*) as items_applicable,
        count(*) filter (where is_done) as items_done,
        count(*) filter (where not is_done and status = 'in_progress') as items_in_progress,
        count(*) filter (where not is_done and status <> 'in_progress') as items_not_started,
        count(*) filter (where is_late) as items_late
    from checklist_applicable($as_of, $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all,
                          $staff_min_key, $staff_min_ordinary)
    where region_code in (select region_code from scope_regions($region, $account_region))
    group by region_code
)

select
    deadlines.*,
    coalesce(counted.items_applicable, 0) as items_applicable,
    coalesce(counted.items_done, 0) as items_done,
    coalesce(counted.items_in_progress, 0) as items_in_progress,
    coalesce(counted.items_not_started, 0) as items_not_started,
    coalesce(counted.items_late, 0) as items_late,
    coalesce(counted.items_done = counted.items_applicable, false) as is_complete,
    coalesce(counted.items_late > 0, false) as is_late
from deadlines
left join counted using (region_code)
order by region_code;
