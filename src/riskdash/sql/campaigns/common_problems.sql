-- Grain: one row per sector × hazard category found at $min_enterprises or more enterprises of that sector
-- in $region and below, from 1 January of $year to $as_of: a common problem (共性问题) of the sector for its
-- "1+1" warning meeting. Counts enterprises, hazards and townships where it was found.
-- one row per enterprise and category first: an enterprise then counts once per category without a distinct
-- (grouped on the integer enterprise_no, schema 9)
with per_enterprise as (
    select enterprise_no, category, count(*) as hazards
    from hazards
    where found_on between make_date($year, 1, 1) and $as_of
      and category is not null
    group by enterprise_no, category
),

-- then per township × sector × category: each enterprise lies in one township, so the townships where a
-- problem was found are the rows of this step, and no distinct count is needed
per_township as (
    select
        enterprises.region_code,
        enterprises.industry,
        per_enterprise.category,
        count(*) as enterprises,
        sum(per_enterprise.hazards) as hazards
    from per_enterprise
    join scoped_enterprises($region, $account_region, null) as enterprises using (enterprise_no)  -- every sector
    group by enterprises.region_code, enterprises.industry, per_enterprise.category
),

grouped as (
    select
        industry,
        category,
        cast(sum(enterprises) as bigint) as enterprises,
        cast(sum(hazards) as bigint) as hazards,
        count(*) as townships
    from per_township
    group by industry, category
    having sum(enterprises) >= $min_enterprises
)

select
    grouped.industry,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    grouped.category,
    grouped.enterprises,
    grouped.hazards,
    grouped.townships
from grouped
join sectors on sectors.code = grouped.industry
order by sectors.sort_order, grouped.enterprises desc, grouped.hazards desc, grouped.category;
