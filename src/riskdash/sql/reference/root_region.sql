-- Grain: the top region (the city; the first when a province file holds several): the default filter.
select region_code, name
from regions
where parent_code is null
order by region_code
limit 1;
