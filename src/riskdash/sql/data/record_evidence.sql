-- Grain: one row per evidence file attached to record $record_id of kind $kind (hazard or inspection): its
-- role (before 整改前 / after 整改后 / acceptance 验收), type, size, name as uploaded, who and when; by role, then
-- upload order (riskdash/evidence.py: the record card's list).
select evidence_id, role, sha256, media_type, bytes, file_name, uploaded_by, uploaded_at
from evidence
where record_kind = $kind and record_id = $record_id
order by case role when 'before' then 1 when 'after' then 2 else 3 end, uploaded_at, evidence_id
