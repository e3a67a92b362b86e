"""The import's timed task for ``riskdash bench``: 1,000,000 hazard rows from CSV (target < 20 s, < 2 GB).

The task builds its own small database (a city, 60 townships, 5,000 enterprises) and a CSV of a million
hazards in a temp folder, then imports it in a child process, so that the time and the peak memory are the
import's own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from riskdash import db
from riskdash.bench.child import run_cli_child

HAZARD_ROWS = 1_000_000


def write_bench_files(folder: Path, rows: int = HAZARD_ROWS) -> tuple[Path, Path]:
    """A database with regions and enterprises, and a hazards CSV with Chinese headers and enumerations."""
    path = folder / "bench-import.duckdb"
    csv_path = folder / "hazards.csv"
    con = db.connect(path, create=True)
    try:
        con.execute("""
            insert into regions
            select '419900000000', '基准市', 'city', null, null, null
            union all select '4199' || lpad(cast(c as varchar), 2, '0') || '000000', '县' || c, 'county',
                             '419900000000', null, null from range(1, 7) t(c)
            union all select '4199' || lpad(cast(c as varchar), 2, '0') || lpad(cast(t as varchar), 3, '0') || '000',
                             '乡镇' || c || '-' || t, 'township', '4199' || lpad(cast(c as varchar), 2, '0') || '000000',
                             'town', 'ordinary'
                      from range(1, 7) a(c), range(1, 11) b(t)
        """)
        con.execute("""
            insert into enterprises (enterprise_id, name, region_code, industry, employees)
            select 'E' || lpad(cast(i as varchar), 5, '0'), '企业' || i,
                   '4199' || lpad(cast(i % 6 + 1 as varchar), 2, '0') || lpad(cast(i % 10 + 1 as varchar), 3, '0') || '000',
                   'industry_trade', 50
            from range(5000) t(i)
        """)
    finally:
        con.close()
    import duckdb

    duck = duckdb.connect()
    duck.execute(f"""
        copy (
            select 'H' || lpad(cast(i as varchar), 8, '0') as "隐患编号",
                   'I' || (i // 4) as "检查编号_备注",
                   'E' || lpad(cast(i % 5000 as varchar), 5, '0') as "企业编号",
                   cast(date '2024-01-01' + cast(i % 700 as integer) as varchar) as "发现日期",
                   case when i % 50 = 0 then '重大' else '一般' end as "隐患等级",
                   '设备设施' as "隐患类别",
                   '第' || i || '项隐患：防护装置缺失' as "隐患描述",
                   strftime(date '2024-01-01' + cast(i % 700 + 15 as integer), '%Y/%-m/%-d') as "整改期限",
                   case when i % 3 = 0 then null
                        else cast(date '2024-01-01' + cast(i % 700 + 5 as integer) as varchar) end as "整改完成日期",
                   case when i % 50 = 0 and i % 3 <> 0
                        then cast(date '2024-01-01' + cast(i % 700 + 9 as integer) as varchar) end as "验收日期",
                   case when i % 100 = 0 then '市级' else '无' end as "挂牌督办级别",
                   case when i % 50 = 0 then '是' end as "五到位",
                   case when i % 50 = 0 then '1.50' end as "治理资金（万元）"
            from range({rows}) t(i)
        ) to '{csv_path}' (header, delimiter ',')
    """)
    duck.close()
    return path, csv_path


def import_hazards_task() -> dict:
    with tempfile.TemporaryDirectory(prefix="riskdash-bench-import-") as tmp:
        path, csv_path = write_bench_files(Path(tmp))
        seconds, peak_mb, _ = run_cli_child(["import", "hazards", str(csv_path), "--db", str(path)], "import")
    return {"name": f"import {HAZARD_ROWS:,} hazards from CSV", "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak_mb, 1)}


import_hazards_task.bench_name = "import/hazards"  # what `riskdash bench --only import/` selects

# collected by riskdash bench (a task: a callable returning {"name", "seconds", "peak_rss_mb"})
BENCH_TASKS = [import_hazards_task]
