-- Grain: one row per 重点部位 ledger entry of enterprise $enterprise_id, with both filing days (备案) and
-- whether its monitoring measures are in place, and the 有关部门 it was also filed with (schema 27).
select
    site_id,
    name,
    potential_accident_type,
    potential_fatalities,
    control_measures,
    responsible_person,
    filed_city_on,
    filed_county_on,
    measures_in_place,
    filed_departments
from key_sites
where enterprise_id = $enterprise_id
order by site_id;
