-- Grain: one row per township-level region in $region and below, by county and code, with its number of
-- 重点部位 ledger entries (0 when it filed none): the sheets of the ledger workbook and the per-township view,
-- each named by township_label (sql/views/township_labels.sql). With $department (all when null) it counts the
-- entries of that 行业主管部门's sectors only, as priority/key_site_ledger lists them (every township still has
-- its row).
with site_counts as (
    select key_sites.region_code, count(*) as key_sites
    from scoped_key_sites($region, $account_region) as key_sites
    left join enterprises on enterprises.enterprise_id = key_sites.enterprise_id
    where in_department(enterprises.industry, $department, $codes, $names)
    group by key_sites.region_code
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
