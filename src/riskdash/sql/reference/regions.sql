-- Grain: one row per region, parents before children (city, counties, townships), for the region picker.
select region_code, name, level, parent_code, kind, township_class
from regions
order by case level when 'city' then 0 when 'county' then 1 else 2 end, region_code;
