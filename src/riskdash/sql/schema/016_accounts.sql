-- Schema version 16: accounts, roles and each official's region (issue 16; riskdash/accounts.py holds the
-- roles table and the password rules). A password is kept only as its argon2id hash. county, township and
-- viewer accounts are bound to a region (their scope); admin and city accounts see the whole city.
-- The lockout after repeated failures and the idle timeout of a dashboard session are settings (added here
-- to an existing database; a new one gets them with every other default, reference.SETTINGS). An empty
-- settings table is left alone, so that the defaults still load in full afterwards. (Idempotent: a test may
-- set schema_version back and migrate again.)
create table if not exists accounts (
    name                 varchar primary key check (regexp_full_match(name, '\S{1,64}')),
    role                 varchar not null check (role in ('admin', 'city', 'county', 'township', 'viewer')),
    region_code          varchar references regions (region_code),
    password_hash        varchar not null,
    disabled             boolean not null default false,
    failed_attempts      integer not null default 0 check (failed_attempts >= 0),
    locked_until         timestamp,
    must_change_password boolean not null default true,
    last_login_at        timestamp,
    created_at           timestamp not null default current_timestamp,
    check (role in ('admin', 'city') or region_code is not null)
);

insert into settings (key, value, description_zh, description_en)
select new_rows.key, new_rows.value, new_rows.description_zh, new_rows.description_en
from (values
    ('login_max_failures', '5', '连续登录失败N次锁定账号', 'Consecutive failed logins that lock an account'),
    ('login_lock_minutes', '15', '账号锁定时长（分钟）', 'Minutes an account stays locked after too many failed logins'),
    ('session_idle_minutes', '30', '无操作N分钟后自动退出登录', 'Minutes without activity after which a dashboard session logs out')
) as new_rows (key, value, description_zh, description_en)
where exists (select 1 from settings)
  and new_rows.key not in (select key from settings);
