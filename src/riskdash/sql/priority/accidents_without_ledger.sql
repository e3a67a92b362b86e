-- Grain: one row per accident from $start to $end in $region and below (sector $industry, all when null)
-- with deaths (含失踪) or of grade 较大 or above, that happened at an enterprise with no 重点部位 ledger entry
-- or in a township with none — the speech's "应排查没有排查清楚" — as the ledger stood before the accident's day
-- (issue 18): an entry is listed from the earlier of its filing days with the city and the county (filed_city_on,
-- filed_county_on; never filed: never listed), and a filing day has no hour, so an entry filed on the accident's
-- day or later did not list it (a township that files the site after the accident is still asked). An accident
-- recorded only at county level is judged by its enterprise alone.
with listed as (
    select region_code, enterprise_id, least(filed_city_on, filed_county_on) as listed_on
    from key_sites
    where coalesce(filed_city_on, filed_county_on) is not null
),

serious as (
    select *
    from scoped_accidents_graded($region, $account_region, $industry)
    where occurred_on between $start and $end
      and (deaths_incl_missing > 0 or is_larger_and_above)
),

flagged as (
    select
        serious.*,
        serious.enterprise_id is not null
            and not exists (select 1 from listed
                            where listed.enterprise_id = serious.enterprise_id
                              and listed.listed_on < serious.occurred_on) as is_enterprise_without_ledger,
        regions.level = 'township'
            and not exists (select 1 from listed
                            where listed.region_code = serious.region_code
                              and listed.listed_on < serious.occurred_on) as is_township_without_ledger
    from serious
    join regions on regions.region_code = serious.region_code
)

select
    flagged.accident_id,
    flagged.occurred_on,
    flagged.region_code,
    regions.name as region_name,
    flagged.enterprise_id,
    enterprises.name as enterprise_name,
    flagged.industry,
    flagged.grade,
    flagged.deaths_incl_missing,
    flagged.is_enterprise_without_ledger,
    flagged.is_township_without_ledger
from flagged
join regions on regions.region_code = flagged.region_code
left join enterprises on enterprises.enterprise_id = flagged.enterprise_id
where flagged.is_enterprise_without_ledger or flagged.is_township_without_ledger
order by flagged.occurred_on desc, flagged.accident_id;
