-- One row per region and each region at or above it (itself included): a filter on a region keeps every
-- row whose region has that region as an ancestor. Follows parent_code, not code prefixes, because zones
-- and custom codes need not share their parent's prefix.
create or replace view region_ancestors as
with recursive walk (region_code, ancestor_code, depth) as (
    select region_code, region_code, 0
    from regions
    union all
    select walk.region_code, regions.parent_code, walk.depth + 1
    from walk
    join regions on regions.region_code = walk.ancestor_code
    where regions.parent_code is not null and walk.depth < 10
)
select region_code, ancestor_code from walk;
