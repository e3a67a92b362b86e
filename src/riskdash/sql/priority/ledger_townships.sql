-- Grain: one row per township-level region in $region and below, by county and code, with its number of
-- 重点部位 ledger entries (0 when it filed none): the sheets of the ledger workbook and the per-township view,
-- each named by township_label (sql/views/township_labels.sql).
with site_counts as (
    select region_code, count(*) as key_sites
    from scoped_key_sites($region, $account_region)
    group by region_code
)

select
    counties.name as county_name,
    townships.name as township_name,
    labels.township_label,
    townships.region_code,
    coalesce(site_counts.key_sites, 0) as key_sites
from regions townships
left join regions counties on counties.region_code = townships.parent_code
join township_labels as labels on labels.region_code = townships.region_code
left join site_counts on site_counts.region_code = townships.region_code
where townships.level = 'township'
  and townships.region_code in (select region_code from scope_regions($region, $account_region))
order by townships.parent_code, townships.region_code;
