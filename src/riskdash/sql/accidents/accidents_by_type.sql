-- Grain: one row per GB 6441 accident type with an accident in either period (current = $start–$end,
-- previous = $previous_start–$previous_end), for accidents in $region and below, in sector $industry (all when
-- null), in the standard's order. Counts accidents and deaths (incl. missing) per period.
with in_scope as (
    select cast(occurred_at as date) as occurred_on, accident_type, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
),

counted as (
    select
        accident_type,
        count(*) filter (where occurred_on between $start and $end) as accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $start and $end), 0)
            as deaths_incl_missing,
        count(*) filter (where occurred_on between $previous_start and $previous_end) as previous_accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $previous_start and $previous_end), 0)
            as previous_deaths_incl_missing
    from in_scope
    where occurred_on between $start and $end
       or occurred_on between $previous_start and $previous_end
    group by accident_type
)

select
    counted.accident_type,
    accident_types.name_zh,
    accident_types.name_en,
    counted.accidents,
    counted.deaths_incl_missing,
    counted.previous_accidents,
    counted.previous_deaths_incl_missing
from counted
join accident_types on accident_types.code = counted.accident_type
order by accident_types.sort_order, counted.accident_type;
