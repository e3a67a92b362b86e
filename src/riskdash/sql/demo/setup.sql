-- The planner underestimates the rows an unnest(range(n)) yields and would turn the ASOF draws into
-- nested loops (millions of pairs at scale 20): keep the merge ASOF join for this build connection.
set asof_loop_join_threshold = 0;

-- TEMP helpers of the demo build (gone when the build's connection closes).
-- A uniform draw in (0, 1) from a hash of a row key, the seed and a salt: deterministic under any
-- parallelism, unlike random(). Distinct salts give independent draws for the same row.
create or replace temp macro demo_u(seed, key, salt) as
    ((hash(key, seed, salt) % 1000003) + 0.5) / 1000003.0;

-- a standard normal draw by Box–Muller from two hashed uniforms
create or replace temp macro demo_z(seed, key, salt) as
    sqrt(-2 * ln(demo_u(seed, key, salt || ':a'))) * cos(2 * pi() * demo_u(seed, key, salt || ':b'));

-- one element of a list, chosen by a uniform draw (repeat an element to weight it)
create or replace temp macro demo_pick(items, u) as
    items[1 + least(floor(u * len(items)), len(items) - 1)::integer];

-- an invented person's name
create or replace temp macro demo_person(seed, key, salt) as
    demo_pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '郑', '梁', '宋', '韩', '冯'],
              demo_u(seed, key, salt || ':s'))
    || demo_pick(['建国', '海军', '志强', '卫东', '秀兰', '丽娟', '红梅', '国庆', '振华', '晓明', '文杰', '小军', '春生', '永刚', '桂芳', '明辉', '立新', '玉兰', '德胜', '雪峰', '俊', '伟', '磊', '静', '敏', '勇', '涛', '鹏'],
                 demo_u(seed, key, salt || ':g'));

-- the period: six years up to today
create or replace temp table demo_days as
select
    cast(d as date) as day_on,
    year(d) as year,
    -- seasonality of accidents: summer and year-end peaks, a Spring Festival lull
    [1.15, 0.80, 0.90, 1.00, 1.05, 1.15, 1.25, 1.20, 1.00, 0.95, 1.05, 1.25][month(d)] as season_weight
from range(cast($start_on as timestamp), cast($today as timestamp) + interval 1 day, interval 1 day) t(d);
