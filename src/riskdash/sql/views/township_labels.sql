-- One row per township-level region: the name every chart, table, export and document shows for it. A name
-- that another township in the database shares (城关街道 is in several counties) carries its county the way
-- officials write it, 城关街道（甲县）; a name no other township has stays bare. Two of one name in one county
-- (not expected) carry the code as well, so that no two townships ever read the same.
create or replace view township_labels as
with towns as (
    select
        township.region_code,
        township.name,
        county.name as county_name,
        count(*) over (partition by township.name) as same_name,
        count(*) over (partition by township.name, township.parent_code) as same_name_in_county
    from regions as township
    left join regions as county on county.region_code = township.parent_code
    where township.level = 'township'
)
select
    region_code,
    case
        when same_name = 1 then name
        when same_name_in_county > 1 then name || '（' || coalesce(county_name || '，', '') || region_code || '）'
        else name || '（' || coalesce(county_name, region_code) || '）'
    end as township_label
from towns;
