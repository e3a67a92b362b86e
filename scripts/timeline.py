"""Where a test run's wall time went, per worker: `RISKDASH_TIMELINE=/tmp/t bash scripts/test.sh …`, then
`python scripts/timeline.py /tmp/t` prints each worker's first start, last end, busy seconds and its files by time
and CPU seconds, and the files that cost the most CPU over all workers (tests/conftest.py writes one line per test:
start, end, node id, CPU seconds; lines without the CPU count none)."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path


def main(prefix: str, top: int = 8) -> None:
    runs = sorted(Path(prefix).parent.glob(Path(prefix).name + ".*"))
    rows = {p.suffix[1:]: [line.split("\t") for line in p.read_text().splitlines()] for p in runs}
    first = min(float(r[0]) for rs in rows.values() for r in rs)
    cpu_by_file: dict[str, float] = defaultdict(float)
    for worker, rs in sorted(rows.items()):
        start, end = min(float(r[0]) for r in rs), max(float(r[1]) for r in rs)
        files: dict[str, float] = defaultdict(float)
        cpu = 0.0
        for r in rs:
            name = r[2].strip().split("::")[0]
            files[name] += float(r[1]) - float(r[0])
            used = float(r[3]) if len(r) > 3 else 0.0
            cpu_by_file[name] += used
            cpu += used
        busy = sum(files.values())
        print(f"{worker}: {start - first:6.0f} s → {end - first:6.0f} s, busy {busy:6.0f} s, CPU {cpu:6.0f} s, "
              f"{len(rs)} tests")
        for name, seconds in sorted(files.items(), key=lambda kv: -kv[1])[:top]:
            print(f"    {seconds:6.0f} s  {name}")
    if any(cpu_by_file.values()):
        print(f"CPU by file (all workers, {sum(cpu_by_file.values()):.0f} s):")
        for name, seconds in sorted(cpu_by_file.items(), key=lambda kv: -kv[1])[:top * 3]:
            print(f"    {seconds:6.0f} s  {name}")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
