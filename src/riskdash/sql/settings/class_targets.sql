-- Grain: one row per (year, region, target class) control target beside the total (schema 23)
-- Deaths (含失踪) per statistical class and the number of 较大及以上 accidents, newest year first, then by region
-- code and the classes' order.
select year, region_code, target_class, max_count
from class_targets
order by year desc, region_code,
         list_position(['industrial', 'road_traffic', 'fire', 'railway', 'waterway', 'fishing',
                        'agricultural_machinery', 'larger_accidents'], target_class)
