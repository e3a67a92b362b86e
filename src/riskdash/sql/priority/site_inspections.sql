-- Grain: one row per inspection of enterprise $enterprise_id on or before $as_of, newest first, with the
-- hazards it found; supervisory = city, county or township level (企业自查 is not).
select
    inspections.inspection_id,
    inspections.inspected_on,
    inspections.level,
    inspections.level in ('city', 'county', 'township') as is_supervisory,
    inspections.kind,
    inspections.campaign,
    inspections.inspector,
    count(hazards.hazard_id) as hazards_found
from inspections
left join hazards on hazards.inspection_id = inspections.inspection_id
where inspections.enterprise_id = $enterprise_id
  and inspections.inspected_on <= $as_of
group by all
order by inspections.inspected_on desc, inspections.inspection_id;
