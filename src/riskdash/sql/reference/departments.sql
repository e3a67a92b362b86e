-- Grain: one row per 行业主管部门 of the setting sector_departments ($codes[i] → $names[i]), in the order of its
-- first sector (as the tables by department list them), with its sectors (codes joined by ',', in the sectors'
-- order): the choices of the department filter on the accident list and the 重点部位 ledger. '—', the sectors
-- the setting gives no department, is not a department and has no row.
select department, string_agg(industry, ',' order by sort_order) as industries
from sector_departments($codes, $names)  -- sql/views/departments.sql
where department <> '—'
group by department
order by min(sort_order);
