-- Grain: one row for the whole database.
-- The latest day on which something happened in the records (macro latest_event_day: an accident, an
-- inspection, a hazard found, rectified, verified, placed under or taken off 挂牌督办; not deadlines).
select latest_event_day() as latest_day
