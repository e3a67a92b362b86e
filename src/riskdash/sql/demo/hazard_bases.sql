-- The 判定依据 of the demo city's major hazards (schema 26): a 工贸 one cites an article of 应急管理部令第10号
-- (Art. 11 dust explosion and Art. 3 the general items most often, the industries' articles otherwise); one of
-- a sector with its own standard cites that standard; about 10 % were filed without one (shown as "—").
update hazards
set basis_code = picked.code
from (
    select
        h.hazard_id,
        case
            when demo_u($seed, h.hazard_id, 'basis:none') < 0.10 then null
            when e.industry = 'industry_trade' then
                case
                    when demo_u($seed, h.hazard_id, 'basis:art') < 0.35 then '工贸-第11条'
                    when demo_u($seed, h.hazard_id, 'basis:art') < 0.55 then '工贸-第3条'
                    when demo_u($seed, h.hazard_id, 'basis:art') < 0.65 then '工贸-第13条'
                    else '工贸-第' || cast(4 + floor(demo_u($seed, h.hazard_id, 'basis:industry') * 7) as integer) || '条'
                end
            when e.industry = 'hazardous_chemicals' then '化工-判定标准'
            when e.industry = 'fireworks' then '烟花爆竹-判定标准'
            when e.industry = 'coal_mine' then '煤矿-判定标准'
            when e.industry = 'metal_nonmetal_mine' then '非煤矿山-判定标准'
            when e.industry = 'construction' then '建筑施工-判定标准'
            when e.industry = 'fire' then '消防-判定标准'
        end as code
    from hazards as h
    join enterprises as e on e.enterprise_id = h.enterprise_id
    where h.grade = 'major'
) as picked
where hazards.hazard_id = picked.hazard_id
  and picked.code in (select code from hazard_bases);
