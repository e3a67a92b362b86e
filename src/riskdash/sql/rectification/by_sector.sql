-- Grain: one row per sector in the settings' order (only $industry when given), for the hazards found from
-- $start to $end and not after $as_of at enterprises in $region and below, as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

selected as (
    select
        industry,
        grade,
        supervision_level,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue' as is_overdue
    from hazards_enriched
    where found_on between $start and $end
      and found_on <= $as_of
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
)

select
    sectors.code as industry,
    sectors.name_zh,
    sectors.name_en,
    count(selected.grade) as found,
    count(*) filter (where selected.grade = 'general') as general_found,
    count(*) filter (where selected.grade = 'general' and selected.is_done) as general_rectified,
    count(*) filter (where selected.grade = 'major') as major_found,
    count(*) filter (where selected.grade = 'major' and selected.is_done) as major_closed,
    count(*) filter (where selected.is_overdue) as overdue,
    count(*) filter (where selected.grade = 'major' and selected.supervision_level <> 'none'
                     and not selected.is_done) as supervised_open
from sectors
left join selected on selected.industry = sectors.code
where $industry is null or sectors.code = $industry
group by sectors.code, sectors.name_zh, sectors.name_en, sectors.sort_order
order by sectors.sort_order, sectors.code;
