-- Schema version 24 (issue 18, "检查有痕迹、问题整改有结果"): evidence files (photos and documents) attached to
-- hazards and inspections — 整改前 (before) and 整改后 (after) photos, 验收 (acceptance) records. The bytes are
-- stored beside the database, content-addressed (riskdash/evidence.py: <db>.evidence/ab/cdef….jpg, named by their
-- SHA-256); this table says which record each file belongs to. The file is written first (a temporary name,
-- then a rename), then its row in one transaction: a row never points at a missing file; a file without a row
-- (an upload whose transaction failed) is harmless and `riskdash doctor` lists it (docs/records.md "Evidence").
-- No foreign key: a row names a hazard or an inspection (record_kind, record_id), and DuckDB refuses updates of
-- a referenced table's rows.
create table if not exists evidence (
    evidence_id  integer primary key,
    record_kind  varchar not null check (record_kind in ('hazard', 'inspection')),
    record_id    varchar not null,
    role         varchar not null check (role in ('before', 'after', 'acceptance')),  -- 整改前 / 整改后 / 验收
    sha256       varchar not null check (length(sha256) = 64),
    media_type   varchar not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
    bytes        bigint not null check (bytes > 0),
    file_name    varchar,                                                               -- as uploaded
    uploaded_by  varchar not null,
    uploaded_at  timestamp not null,
    unique (record_kind, record_id, role, sha256)
);

-- evidence_max_mb (default 10): the largest evidence file accepted (reference.SETTINGS; a new database gets it
-- with every other default). An empty settings table is left alone, so that the defaults still load in full.
insert into settings (key, value, description_zh, description_en)
select 'evidence_max_mb', '10', '整改佐证文件（照片、PDF）大小上限（MB）',
       'Largest evidence file (photo or PDF) that may be attached, in MB'
where exists (select 1 from settings)
  and 'evidence_max_mb' not in (select key from settings);
