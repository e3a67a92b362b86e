-- Gives every enterprise without a number the next free ones (in enterprise_id order); a number once given
-- never changes.
update enterprises
set enterprise_no = numbered.enterprise_no
from (
    select enterprise_id,
           (select coalesce(max(enterprise_no), 0) from enterprises)
           + row_number() over (order by enterprise_id) as enterprise_no
    from enterprises
    where enterprise_no is null
) as numbered
where numbered.enterprise_id = enterprises.enterprise_id;
