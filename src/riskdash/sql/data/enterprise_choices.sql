-- Grain: one row per enterprise at or below $region (and $account_region, the login's region, when not null),
-- every sector and status: the choices of a record form's 企业 field, by name, with the county and the
-- township's shown name (sql/views/township_labels.sql) to tell two of one name apart.
select
    scope_enterprises.enterprise_id,
    scope_enterprises.name,
    scope_enterprises.region_code,
    county.name as county_name,
    coalesce(labels.township_label, town.name) as township_label
from scoped_enterprises($region, $account_region, null) as scope_enterprises
left join regions as town on town.region_code = scope_enterprises.region_code
left join regions as county on county.region_code = town.parent_code and town.level = 'township'
left join township_labels as labels on labels.region_code = scope_enterprises.region_code
order by scope_enterprises.name, scope_enterprises.enterprise_id;
