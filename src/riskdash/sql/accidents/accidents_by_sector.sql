-- Grain: one row per sector with an accident in either period (current = $start–$end, previous =
-- $previous_start–$previous_end), for accidents in $region and below, in sector $industry (all when null),
-- in the settings' sector order. Counts accidents and deaths (incl. missing) per period.
with counted as (
    -- the counts per sector (scoped_accident_counts, sql/views/accident_counts.sql)
    select *
    from scoped_accident_counts('industry', $region, $account_region, $industry, $start, $end,
                                $previous_start, $previous_end)
)

select
    counted.group_code as industry,
    sectors.name_zh,
    sectors.name_en,
    counted.accidents,
    counted.deaths_incl_missing,
    counted.previous_accidents,
    counted.previous_deaths_incl_missing
from counted
join sectors on sectors.code = counted.group_code
order by sectors.sort_order, counted.group_code;
