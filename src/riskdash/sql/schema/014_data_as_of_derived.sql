-- Schema version 14: data_as_of is derived (issue 14 item 5). meta data_as_of now holds only a day declared
-- for the data (the demo's --today, an import's --as-of); without one, the macro data_as_of() takes the latest
-- event day from the rows whenever read. Earlier imports stored the latest event day there: a stored day that
-- is still the latest event day was derived, not declared, and is dropped, so that a corrected row corrects
-- it (a stored 2099 from a mistyped accident included). A day that differs from the rows is kept as declared.
-- (The event days are written out here: the macros are created after the migrations.)
delete from meta
where key = 'data_as_of'
  and try_cast(value as date) = (
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
