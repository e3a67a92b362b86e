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

counted as (
    -- the counts per region (scoped_accident_counts, sql/views/accident_counts.sql), each region's under the
    -- unit below $region that contains it ($region itself for its own)
    select
        coalesce(unit_of.unit_code, $region) as unit_code,
        cast(sum(per_region.accidents) as bigint) as accidents,
        sum(per_region.deaths_incl_missing) as deaths_incl_missing,
        cast(sum(per_region.previous_accidents) as bigint) as previous_accidents,
        sum(per_region.previous_deaths_incl_missing) as previous_deaths_incl_missing
    from scoped_accident_counts('region_code', $region, $account_region, $industry, $start, $end,
                                $previous_start, $previous_end) as per_region
    left join region_units($region) as unit_of on unit_of.region_code = per_region.group_code
    group by coalesce(unit_of.unit_code, $region)
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
