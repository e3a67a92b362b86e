-- Macros over the tables (the pure rule macros in macros.sql need none, so they load on an empty
-- connection too).

-- The latest day on which something happened in the records: an accident, an inspection, a hazard found,
-- rectified, verified, placed under or taken off 挂牌督办. Deadlines and filing days are left out: a deadline
-- in the future is not data about the past.
create or replace macro latest_event_day() as (
    select max(day) from (
        select max(cast(occurred_at as date)) as day from accidents
        union all select max(inspected_on) from inspections
        union all select max(found_on) from hazards
        union all select max(rectified_on) from hazards
        union all select max(verified_on) from hazards
        union all select max(supervised_on) from hazards
        union all select max(delisted_on) from hazards
    )
);

-- The data's as-of day, from which every default period and as-of day derives (never the clock): the day
-- declared for the data (meta data_as_of: the demo's --today, an import's --as-of), else the latest event
-- day. Computed whenever read, so that a row written or corrected by any tool moves it.
create or replace macro data_as_of() as coalesce(
    (select try_cast(value as date) from meta where key = 'data_as_of'),
    latest_event_day()
);
