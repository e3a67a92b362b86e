-- Grain: one row per township-level region: the name shown for it (sql/views/township_labels.sql), for frames
-- already in hand that carry only a region_code.
select region_code, township_label
from township_labels
order by region_code;
