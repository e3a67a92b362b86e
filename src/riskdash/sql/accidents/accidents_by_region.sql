-- Grain: one row per region directly below $region (all of them, zeros included), plus one row for $region
-- itself when accidents were recorded on it and on no region below (e.g. a county where no township is
-- known), for accidents in $region and below, in sector $industry (all when null). Each accident counts under
-- the region below $region that contains it; accidents and deaths (incl. missing) for the current period
-- ($start–$end) and the previous one ($previous_start–$previous_end); most accidents first.
with children as (
    select region_code as unit_code, name, false as is_direct
    from regions
    where parent_code = $region
),

units as (
    select unit_code, name, is_direct from children
    union all
    select region_code, name, true from regions where region_code = $region
),

selected as (
    select
        coalesce(unit_of.unit_code, $region) as unit_code,
        cast(accidents.occurred_at as date) as occurred_on,
        accidents.deaths + accidents.missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry) as accidents
    left join region_units($region) as unit_of using (region_code)
    where cast(accidents.occurred_at as date) between $start and $end
       or cast(accidents.occurred_at as date) between $previous_start and $previous_end
),

counted as (
    select
        unit_code,
        count(*) filter (where occurred_on between $start and $end) as accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $start and $end), 0)
            as deaths_incl_missing,
        count(*) filter (where occurred_on between $previous_start and $previous_end) as previous_accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $previous_start and $previous_end), 0)
            as previous_deaths_incl_missing
    from selected
    group by unit_code
)

select
    units.unit_code as region_code,
    coalesce(labels.township_label, units.name) as name,  -- 城关街道（甲县） as everywhere (views/township_labels)
    units.is_direct,
    coalesce(counted.accidents, 0) as accidents,
    coalesce(counted.deaths_incl_missing, 0) as deaths_incl_missing,
    coalesce(counted.previous_accidents, 0) as previous_accidents,
    coalesce(counted.previous_deaths_incl_missing, 0) as previous_deaths_incl_missing
from units
left join counted using (unit_code)
left join township_labels as labels on labels.region_code = units.unit_code
where not units.is_direct or counted.unit_code is not null
order by accidents desc, deaths_incl_missing desc, units.is_direct, units.unit_code;
