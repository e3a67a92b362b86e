-- Grain: one row for the whole database.
-- The data's as-of day (macro data_as_of): the day declared for the data, else the latest event day,
-- derived from the rows whenever read.
select data_as_of() as data_as_of
