-- Grain: one row per (year, region) set of indicator denominators
-- GDP (亿元), industrial employment, motor vehicles and coal output per year and region, newest year first.
select year, region_code, gdp_yi, industrial_employed, motor_vehicles, coal_output_wan_t
from indicator_denominators
order by year desc, region_code
