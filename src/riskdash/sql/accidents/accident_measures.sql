-- Grain: one row: the 四不放过 measures recorded for the accident $accident_id (accident_measures, schema 25):
-- each of the four done or not, its day and its note (no row when nothing is recorded).
select
    accident_id,
    cause_found, cause_found_on, cause_note,
    responsible_dealt, responsible_dealt_on, responsible_note,
    measures_taken, measures_taken_on, measures_note,
    people_educated, people_educated_on, educated_note
from accident_measures
where accident_id = $accident_id;
