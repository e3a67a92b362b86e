-- Grain: one row of accounts updated: disabled (its sessions end at their next page; it can no longer log in).
update accounts
set disabled = true
where name = $name
