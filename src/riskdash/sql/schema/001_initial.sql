-- Schema version 1: every table of the import contract (docs/import.md), the reference tables and the audit log.
-- Enumerations are stored as English codes; Chinese names live in the reference tables and in i18n.
-- Region levels (an enterprise must sit in a township-level region) cross tables, so the importer checks
-- them; DuckDB has no cross-table CHECK.
--
-- Foreign keys: DuckDB rewrites an update of an indexed column as delete + insert, so a row that other rows
-- reference cannot have its own foreign-key columns changed (moving an enterprise to another township
-- would fail once it has hazards). Tables that are referenced (enterprises, inspections) therefore carry no
-- foreign keys of their own — the importer checks those references — while the leaf tables keep theirs.
-- tests/test_db.py shows every kept foreign key still lets the referenced rows be updated.

create table meta (
    key   varchar primary key,
    value varchar
);

create table regions (
    region_code    varchar primary key check (regexp_full_match(region_code, '[0-9]{12}')),
    name           varchar not null,
    level          varchar not null check (level in ('city', 'county', 'township')),
    parent_code    varchar check (parent_code is null or regexp_full_match(parent_code, '[0-9]{12}')),
    kind           varchar check (kind in ('town', 'township', 'subdistrict', 'zone')),
    township_class varchar check (township_class in ('key', 'ordinary')),
    check ((level = 'city') = (parent_code is null)),
    check (kind is null or level = 'township')
);

create table sectors (
    code          varchar primary key,
    name_zh       varchar not null,
    name_en       varchar not null,
    aliases       varchar,                 -- '|'-separated Chinese aliases accepted by the importer
    stat_class    varchar not null check (stat_class in (
                      'industrial', 'road_traffic', 'fire', 'railway', 'waterway', 'fishing',
                      'agricultural_machinery')),
    inherent_risk double not null check (inherent_risk >= 0),
    is_high_risk  boolean not null default false,
    sort_order    integer not null
);

create table accident_types (
    code       varchar primary key,
    name_zh    varchar not null,
    name_en    varchar not null,
    sort_order integer not null
);

create table enterprises (
    enterprise_id varchar primary key,
    name          varchar not null,
    region_code   varchar not null,      -- a township-level region (checked by the importer)
    industry      varchar not null,      -- a sector code (checked by the importer)
    employees     integer check (employees >= 0),
    address       varchar,
    longitude     double check (longitude between -180 and 180),
    latitude      double check (latitude between -90 and 90),
    credit_code   varchar,
    status        varchar not null default 'active' check (status in ('active', 'closed'))
);

create table accidents (
    accident_id      varchar primary key,
    occurred_at      timestamp not null,
    -- false when only the date is known: such rows stay out of the by-hour breakdown
    has_time         boolean not null default false,
    region_code      varchar not null references regions (region_code),
    enterprise_id    varchar references enterprises (enterprise_id),
    industry         varchar not null references sectors (code),
    accident_type    varchar not null references accident_types (code),
    deaths           integer not null check (deaths >= 0),
    missing          integer not null default 0 check (missing >= 0),
    serious_injuries integer not null check (serious_injuries >= 0),
    minor_injuries   integer not null default 0 check (minor_injuries >= 0),
    direct_loss_wan  decimal(14, 2) not null check (direct_loss_wan >= 0),
    endangered       integer check (endangered >= 0),
    trapped          integer check (trapped >= 0),
    evacuated        integer check (evacuated >= 0),
    reported_at      timestamp,
    closed_on        date,
    summary          varchar,
    check (closed_on is null or closed_on >= cast(occurred_at as date))
);

create table inspections (
    inspection_id varchar primary key,
    inspected_on  date not null,
    enterprise_id varchar not null,      -- checked by the importer (inspections are referenced by hazards)
    level         varchar not null check (level in ('city', 'county', 'township', 'self')),
    kind          varchar,
    campaign      varchar,
    inspector     varchar
);

create table hazards (
    hazard_id         varchar primary key,
    inspection_id     varchar references inspections (inspection_id),
    enterprise_id     varchar not null references enterprises (enterprise_id),
    found_on          date not null,
    grade             varchar not null check (grade in ('general', 'major')),
    category          varchar,
    description       varchar,
    deadline          date not null,
    rectified_on      date,
    verified_on       date,
    supervision_level varchar not null default 'none'
                      check (supervision_level in ('none', 'county', 'city', 'province')),
    supervised_on     date,
    delisted_on       date,
    five_in_place     boolean,
    funds_wan         decimal(14, 2) check (funds_wan >= 0),
    check (deadline >= found_on),
    check (rectified_on is null or rectified_on >= found_on),
    -- verification (验收) closes a hazard only after it was rectified; 销号 of a major hazard is this date
    check (verified_on is null or (rectified_on is not null and verified_on >= rectified_on)),
    -- 挂牌督办 is for major hazards only (安监总局令第16号 Art. 17)
    check (supervision_level = 'none' or grade = 'major'),
    check (supervised_on is null or supervision_level <> 'none'),
    check (supervised_on is null or supervised_on >= found_on),
    check (delisted_on is null or (supervision_level <> 'none' and verified_on is not null
                                   and delisted_on >= verified_on))
);

create table key_sites (
    site_id                 varchar primary key,
    region_code             varchar not null references regions (region_code),
    enterprise_id           varchar references enterprises (enterprise_id),
    name                    varchar not null,
    potential_accident_type varchar not null references accident_types (code),
    potential_fatalities    integer not null check (potential_fatalities >= 3),
    control_measures        varchar,
    responsible_person      varchar,
    filed_city_on           date,
    filed_county_on         date,
    measures_in_place       boolean
);

create table annual_targets (
    year        integer not null check (year between 1990 and 2100),
    region_code varchar not null references regions (region_code),
    max_deaths  integer not null check (max_deaths >= 0),
    primary key (year, region_code)
);

create table indicator_denominators (
    year              integer not null check (year between 1990 and 2100),
    region_code       varchar not null references regions (region_code),
    gdp_yi            decimal(14, 2) check (gdp_yi > 0),            -- 亿元
    industrial_employed bigint check (industrial_employed > 0),    -- 工矿商贸就业人员
    motor_vehicles    bigint check (motor_vehicles > 0),
    coal_output_wan_t decimal(14, 2) check (coal_output_wan_t > 0), -- 万吨
    primary key (year, region_code)
);

create table checklist_items (
    item_code   varchar primary key,
    item_group  varchar not null,
    name_zh     varchar not null,
    name_en     varchar not null,
    applies_to  varchar not null default 'all' check (applies_to in ('all', 'key')),
    sort_order  integer not null
);

create table checklist_status (
    region_code varchar not null references regions (region_code),
    item_code   varchar not null references checklist_items (item_code),
    status      varchar not null check (status in ('not_started', 'in_progress', 'done')),
    status_on   date,
    evidence    varchar,
    primary key (region_code, item_code)
);

create table zero_report_windows (
    window_id varchar primary key,
    name      varchar not null,
    start_on  date not null,
    end_on    date not null,
    check (end_on >= start_on)
);

create table zero_reports (
    window_id          varchar not null references zero_report_windows (window_id),
    region_code        varchar not null references regions (region_code),
    report_on          date not null,
    accidents_reported integer not null default 0 check (accidents_reported >= 0),
    reported_at        timestamp,
    primary key (window_id, region_code, report_on)
);

create table warning_meetings (
    meeting_id  varchar primary key,
    region_code varchar not null references regions (region_code),
    industry    varchar not null references sectors (code),
    held_on     date not null,
    attendance  integer check (attendance >= 0),
    note        varchar
);

create table risk_weights (
    component      varchar primary key,
    weight         double not null check (weight >= 0),
    unit_zh        varchar,
    description_zh varchar,
    description_en varchar
);

create table risk_thresholds (
    level     varchar primary key check (level in ('red', 'orange', 'yellow', 'blue')),
    min_score double not null check (min_score >= 0)
);

-- free-form settings (N days, deadlines, township staffing thresholds), documented in docs/settings.md
create table settings (
    key            varchar primary key,
    value          varchar not null,
    description_zh varchar,
    description_en varchar
);

create sequence audit_log_seq start 1;

create table audit_log (
    entry_id    bigint primary key default nextval('audit_log_seq'),
    logged_at   timestamp not null default current_timestamp,
    actor       varchar,
    action      varchar not null,   -- import / insert / update / delete / restore / demo
    kind        varchar,
    file_name   varchar,
    table_name  varchar,
    record_key  varchar,
    before_json varchar,
    after_json  varchar,
    row_count   integer
);
