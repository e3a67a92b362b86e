-- Grain: one row: deaths (incl. missing) from $start to $end in $region and below — all, 工矿商贸 (sectors whose
-- statistical class is 'industrial'), road traffic (class 'road_traffic') and coal mines (sector coal_mine);
-- all sectors, whatever the sector filter, because the denominators are the region's — beside the
-- denominators entered for $region and $year (null where none): GDP (亿元), 工矿商贸 employed, motor vehicles,
-- coal output (万吨). The rates are computed from these in Python; none is annualised. Counted by
-- rate_indicator_counts (sql/views/rate_counts.sql), as the rate targets count them.
select *
from rate_indicator_counts($region, $account_region, $start, $end, $year);
