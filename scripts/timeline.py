"""Where a test run's wall time went, per worker: `RISKDASH_TIMELINE=/tmp/t bash scripts/test.sh …`, then
`python scripts/timeline.py /tmp/t` prints each worker's first start, last end, busy seconds and its files by time
(tests/conftest.py writes one line per test: start, end, node id)."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path


def main(prefix: str, top: int = 8) -> None:
    runs = sorted(Path(prefix).parent.glob(Path(prefix).name + ".*"))
    rows = {p.suffix[1:]: [line.split("\t") for line in p.read_text().splitlines()] for p in runs}
    first = min(float(r[0]) for rs in rows.values() for r in rs)
    for worker, rs in sorted(rows.items()):
        start, end = min(float(r[0]) for r in rs), max(float(r[1]) for r in rs)
        files: dict[str, float] = defaultdict(float)
        for r in rs:
            files[r[2].strip().split("::")[0]] += float(r[1]) - float(r[0])
        busy = sum(files.values())
        print(f"{worker}: {start - first:6.0f} s → {end - first:6.0f} s, busy {busy:6.0f} s, {len(rs)} tests")
        for name, seconds in sorted(files.items(), key=lambda kv: -kv[1])[:top]:
            print(f"    {seconds:6.0f} s  {name}")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
