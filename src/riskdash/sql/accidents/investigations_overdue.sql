-- Grain: one row per accident in $region and below (sector $industry, all when null) that occurred on or before
-- $as_of, whatever year, is not closed (结案) on $as_of and occurred more than $investigation_days days before it
-- (the investigation deadline, 493号令 Art. 29: 60 days; setting accident_investigation_days): oldest first, with
-- its deadline, the days open and the names of its region and parent region.
with open_past as (
    select accident_id, occurred_at, region_code, industry, deaths, missing, serious_injuries, direct_loss_wan,
           cast(occurred_at as date) as occurred_on, closed_on, nature
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) <= $as_of
      and not coalesce(closed_on <= $as_of, false)
      and cast(occurred_at as date) + cast($investigation_days as integer) < $as_of
)

select
    open_past.accident_id,
    open_past.occurred_on,
    open_past.occurred_on + cast($investigation_days as integer) as deadline,
    $as_of - open_past.occurred_on as days_open,
    open_past.region_code,
    regions.name as region_name,
    parents.name as parent_region_name,
    open_past.industry,
    open_past.deaths + open_past.missing as deaths_incl_missing,
    accident_grade(open_past.deaths + open_past.missing, open_past.serious_injuries, open_past.direct_loss_wan)
        as grade,
    open_past.nature
from open_past
join regions on regions.region_code = open_past.region_code
left join regions as parents on parents.region_code = regions.parent_code
order by open_past.occurred_on, open_past.accident_id;
