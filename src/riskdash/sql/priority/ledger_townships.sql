-- Grain: one row per township-level region in $region and below, by county and code, with its number of
-- 重点部位 ledger entries (0 when it filed none): the sheets of the ledger workbook and the per-township view,
-- each named by township_label (sql/views/township_labels.sql).
with site_counts as (
    select region_code, count(*) as key_sites
    from scoped_key_sites($region, $account_region)
    group by region_code
)

select
    townships.county_name,
    townships.township_name,
    townships.township_label,
    townships.region_code,
    coalesce(site_counts.key_sites, 0) as key_sites
from scope_townships($region, $account_region) as townships  -- sql/views/scope.sql
left join site_counts on site_counts.region_code = townships.region_code
order by townships.parent_code, townships.region_code;
