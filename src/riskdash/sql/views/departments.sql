-- 行业主管部门 ("管行业必须管安全", issue 18), written once: the department responsible for each sector, from the
-- setting sector_departments passed as two lists of one length (codes[i] → names[i], metrics/departments.py);
-- a sector not in the setting, and a fact of no sector (a public place's 重点部位), fall under '—'. Read by the
-- tables by department (sql/metrics/by_department.sql, accidents/accidents_by_department.sql,
-- priority/sites_by_department.sql) and by the lists narrowed to one department (accidents/larger_and_above_list,
-- larger_risk_involved_list, priority/key_site_ledger).

-- The department of sector sector_code ('—' when the setting names none, or sector_code is null).
create or replace macro sector_department(sector_code, codes, names) as
coalesce(names[list_position(codes, sector_code)], '—');

-- Every sector of the sectors table with its department, and its sort_order (the tables list the departments
-- in the order of their first sector).
create or replace macro sector_departments(codes, names) as table
select code as industry, sort_order, sector_department(code, codes, names) as department
from sectors;

-- Whether a fact of sector sector_code is in department's sectors (every fact when department is null: the
-- select box's 全部). '—' is no department: a fact of no sector, or of a sector not in the setting, is in none.
create or replace macro in_department(sector_code, department, codes, names) as
department is null or (department <> '—' and sector_department(sector_code, codes, names) = department);
