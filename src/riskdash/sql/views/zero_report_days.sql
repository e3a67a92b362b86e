-- 零报告: the days a township must report, for the zero-report lists, the compliance table and the township
-- scorecard (sql/campaigns/zero_report_late, zero_report_missing, zero_report_compliance, township_scorecard).
-- Its own file, created after the migrations (db.VIEW_FILES): a table macro binds its tables when it is
-- created, so it cannot stand in views/macros.sql, which tests/test_domain.py loads on an empty database.

-- Every day of every zero-report window that falls between 1 January of year_no and as_of — one row per day,
-- named with every window it belongs to (a day of two windows is one day).
create or replace macro zero_report_days(year_no, as_of) as table
    select cast(day_on as date) as report_on, string_agg(name, '、' order by start_on, window_id) as window_name
    from zero_report_windows,
         range(cast(greatest(start_on, make_date(year_no, 1, 1)) as timestamp),
               cast(least(end_on, as_of) as timestamp) + interval 1 day, interval 1 day) as days(day_on)
    where start_on <= as_of and end_on >= make_date(year_no, 1, 1)
    group by all;
