-- Grain: one row per 行业主管部门 ("管行业必须管安全", issue 18) for the 重点部位 ledger of the townships in $region
-- and below (every sector: the ledger is the township's whole ledger, as priority/key_site_ledger): the
-- departments of the setting sector_departments ($codes[i] → $names[i]) in the order of their first sector, a
-- site counted under the department of its enterprise's sector; a site of no enterprise (a public place), or of
-- a sector not in the setting, under '—' (last). Per department: sites, sites filed with both the city and the
-- county (备案, by $as_of), sites with measures in place, and sites filed with that department itself
-- (key_sites.filed_departments, schema 27: the 有关部门 the entry was filed with, names separated by 、，,；; or
-- spaces, matched whole). Only departments with a site have a row; the rows add up to the ledger.
with departments as (
    select * from sector_departments($codes, $names)  -- sql/views/departments.sql
),

-- each department's sectors, in the setting's order (as by_department lists them)
department_sectors as (
    select department, string_agg(industry, ',' order by sort_order) as industries, min(sort_order) as sort_order
    from departments
    group by department
),

sites as (
    select
        coalesce(departments.department, '—') as department,
        coalesce(departments.sort_order, 2147483647) as sort_order,
        key_sites.filed_city_on <= $as_of and key_sites.filed_county_on <= $as_of as is_fully_filed,
        coalesce(key_sites.measures_in_place, false) as is_in_place,
        list_contains(string_split_regex(coalesce(key_sites.filed_departments, ''), '[、，,；;\s]+'),
                      coalesce(departments.department, '—')) as is_filed_with_department
    from scoped_key_sites($region, $account_region) as key_sites
    left join enterprises on enterprises.enterprise_id = key_sites.enterprise_id
    left join departments on departments.industry = enterprises.industry
)

select
    sites.department,
    coalesce(any_value(department_sectors.industries), '') as industries,
    count(*) as sites,
    count(*) filter (where is_fully_filed) as fully_filed,
    count(*) filter (where is_in_place) as in_place,
    count(*) filter (where is_filed_with_department and sites.department <> '—') as filed_with_department
from sites
left join department_sectors on department_sectors.department = sites.department and sites.department <> '—'
group by sites.department
order by min(sites.sort_order), sites.department;
