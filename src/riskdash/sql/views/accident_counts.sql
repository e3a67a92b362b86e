-- The accident counts of the tables that compare two periods by sector, by type and by region
-- (sql/accidents/accidents_by_sector.sql, accidents_by_type.sql, accidents_by_region.sql), written once: the
-- accidents of the scope (scoped_accidents, sql/views/scope.sql) that occurred in the current period
-- (start_on–end_on) or the previous one (previous_start–previous_end), counted per group_code — the accident's
-- sector when group_key is 'industry', its GB 6441 type when 'accident_type', else its own region
-- (region_code): accidents and deaths (incl. missing) per period. Counted before the caller meets its list of
-- sectors, types or regions; only groups with an accident in either period have a row.
create or replace macro scoped_accident_counts(group_key, region_root, account_root, sector_code, start_on, end_on,
                                               previous_start, previous_end) as table
with in_periods as (
    select
        case group_key when 'industry' then industry when 'accident_type' then accident_type else region_code end
            as group_code,
        cast(occurred_at as date) as occurred_on,
        deaths + missing as deaths_incl_missing
    from scoped_accidents(region_root, account_root, sector_code)
    where cast(occurred_at as date) between start_on and end_on
       or cast(occurred_at as date) between previous_start and previous_end
)

select
    group_code,
    count(*) filter (where occurred_on between start_on and end_on) as accidents,
    coalesce(sum(deaths_incl_missing) filter (where occurred_on between start_on and end_on), 0)
        as deaths_incl_missing,
    count(*) filter (where occurred_on between previous_start and previous_end) as previous_accidents,
    coalesce(sum(deaths_incl_missing) filter (where occurred_on between previous_start and previous_end), 0)
        as previous_deaths_incl_missing
from in_periods
group by group_code;
