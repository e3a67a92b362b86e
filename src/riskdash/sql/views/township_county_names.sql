-- One row per region with its own name and its parent's: for a township-level region (where enterprises sit)
-- its township and county names, the two name columns of the rectification lists (overdue_list,
-- supervised_list, follow_up_list, new_hazards_list, uninspected_enterprises). A region whose parent is not on
-- record has a null county_name. A listing of names, not a scope: the lists' rows come from the scoped_* macros.
create or replace view township_county_names as
select township.region_code, township.name as township_name, county.name as county_name
from regions as township
left join regions as county on county.region_code = township.parent_code;
