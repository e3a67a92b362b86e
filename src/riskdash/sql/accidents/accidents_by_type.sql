-- Grain: one row per GB 6441 accident type with an accident in either period (current = $start–$end,
-- previous = $previous_start–$previous_end), for accidents in $region and below, in sector $industry (all when
-- null), in the standard's order. Counts accidents and deaths (incl. missing) per period.
with counted as (
    -- the counts per type (scoped_accident_counts, sql/views/accident_counts.sql)
    select *
    from scoped_accident_counts('accident_type', $region, $account_region, $industry, $start, $end,
                                $previous_start, $previous_end)
)

select
    counted.group_code as accident_type,
    accident_types.name_zh,
    accident_types.name_en,
    counted.accidents,
    counted.deaths_incl_missing,
    counted.previous_accidents,
    counted.previous_deaths_incl_missing
from counted
join accident_types on accident_types.code = counted.group_code
order by accident_types.sort_order, counted.group_code;
