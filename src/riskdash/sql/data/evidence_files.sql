-- Grain: one row per distinct evidence file (SHA-256) that a row of the evidence table points at, with its type
-- and size (backup, restore and `riskdash doctor` check these files; riskdash/evidence.py).
select sha256, any_value(media_type) as media_type, any_value(bytes) as bytes
from evidence
group by sha256
order by sha256
