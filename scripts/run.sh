#!/usr/bin/env bash
# One command: set everything up, build the demo city database (演示数据) when there is none, and serve
# the dashboard on http://localhost:${PORT:-8501}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db="${RISKDASH_DB:-data/riskdash.duckdb}"
if [ ! -f "$db" ]; then
  .venv/bin/riskdash demo --db "$db" --today "${RISKDASH_TODAY:-$(date +%F)}"
fi
exec .venv/bin/riskdash serve --db "$db" --port "${PORT:-8501}"
