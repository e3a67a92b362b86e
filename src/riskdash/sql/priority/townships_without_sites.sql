-- Grain: one row per township-level region in $region and below that has no 重点部位 ledger entry at all,
-- with its active enterprises and those in high-risk sectors (sectors.is_high_risk): a township that filed
-- nothing is the speech's "应排查没有排查清楚" question.
with townships as (
    -- the scope's townships with their county (scope_townships, sql/views/scope.sql)
    select region_code, township_name, parent_code, township_class, county_name
    from scope_townships($region, $account_region)
    where region_code not in (select region_code from scoped_key_sites($region, $account_region))
),

enterprise_counts as (
    select
        enterprises.region_code,
        count(*) as enterprises,
        count(*) filter (where sectors.is_high_risk) as high_risk_enterprises
    from scoped_enterprises($region, $account_region, null) as enterprises  -- every sector
    join sectors on sectors.code = enterprises.industry
    where enterprises.status = 'active'
    group by enterprises.region_code
)

select
    townships.county_name,
    townships.township_name,
    townships.region_code,
    townships.township_class,
    coalesce(enterprise_counts.enterprises, 0) as enterprises,
    coalesce(enterprise_counts.high_risk_enterprises, 0) as high_risk_enterprises
from townships
left join enterprise_counts on enterprise_counts.region_code = townships.region_code
order by townships.parent_code, townships.region_code;
