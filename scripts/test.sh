#!/usr/bin/env bash
# One command: set everything up and run the whole test suite (unit, AppTest, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
