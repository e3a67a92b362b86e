-- Grain: one row for the 重点部位 ledger entries of townships in $region and below (a key site sits in a
-- township-level region). Sites whose measures are not in place, or not filed with both the city and the
-- county, are the speech's accountability questions.
select
    count(*) as key_sites,
    count(*) filter (where measures_in_place is not true) as measures_not_in_place,
    count(*) filter (where filed_city_on is null or filed_county_on is null) as not_fully_filed
from scoped_key_sites($region, $account_region);
