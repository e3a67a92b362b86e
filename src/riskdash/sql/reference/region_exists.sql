-- Grain: one row: whether $region names a region of this database.
select count(*) > 0 as region_exists
from regions
where region_code = $region;
