-- Grain: one row per "1+1" warning meeting (警示会) held in a township-level region of $region and below
-- from 1 January of $year to $as_of, with its sector, its 产业类型 (industry_type; empty: the sector's Chinese
-- name, the rule of campaign_pairs.sql), date, attendance and note.
select
    warning_meetings.meeting_id,
    warning_meetings.held_on,
    warning_meetings.region_code,
    county.name as county_name,
    township.name as township_name,
    coalesce(labels.township_label, township.name) as township_label,  -- sql/views/township_labels.sql
    warning_meetings.industry,
    coalesce(nullif(trim(warning_meetings.industry_type), ''), sectors.name_zh) as industry_type,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    warning_meetings.attendance,
    warning_meetings.note
from warning_meetings
join regions as township on township.region_code = warning_meetings.region_code
left join regions as county on county.region_code = township.parent_code
left join township_labels as labels on labels.region_code = township.region_code
join sectors on sectors.code = warning_meetings.industry
where warning_meetings.held_on between make_date($year, 1, 1) and $as_of
  and warning_meetings.region_code in (select region_code from scope_regions($region, $account_region))
order by warning_meetings.held_on desc, warning_meetings.region_code, sectors.sort_order, warning_meetings.meeting_id;
