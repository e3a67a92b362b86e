#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine (Python 3.11+, root or sudo for system packages):
# Debian chromium + fonts-noto-cjk (browser tests, chart and PDF exports), LibreOffice (impress, writer) and
# poppler-utils (the briefing export checks), a virtual environment in .venv
# with riskdash and its test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# --- system packages ---------------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# grep without -q reads to the end: with pipefail, `grep -q` closing the pipe early fails fc-list (SIGPIPE)
if ! (command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null); then
  need+=(fonts-noto-cjk)
fi
# the briefing checks render PPTX/.docx to PDF with LibreOffice and rasterise pages with poppler
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo=none; fi
  if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    say "cannot install ${need[*]}: they need a Debian/Ubuntu system and root (or sudo)."
    say "install them yourself (apt-get install ${need[*]}); the dashboard runs without them, but the"
    say "browser tests and the Chinese fonts in exported charts and PDFs need them."
  else
    say "installing Debian packages: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

# --- Python environment ------------------------------------------------------------------------------
python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    python=$(command -v "$candidate"); break
  fi
done
if [ -z "$python" ]; then
  say "riskdash needs Python 3.11 or newer on PATH (python3.11); none found"; exit 1
fi

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $python"
  "$python" -m venv .venv
fi
# uv installs the stack in seconds; plain pip works too, only slower. A .venv made by uv has no pip:
# use a uv on PATH when there is one, else put pip (ensurepip) and uv into the venv.
uv=()
if command -v uv >/dev/null 2>&1; then
  uv=(uv)
else
  .venv/bin/python -m pip --version >/dev/null 2>&1 || .venv/bin/python -m ensurepip -q >/dev/null 2>&1 || true
  .venv/bin/python -m uv --version >/dev/null 2>&1 ||
    .venv/bin/python -m pip install -q --disable-pip-version-check uv >/dev/null 2>&1 || true
  .venv/bin/python -m uv --version >/dev/null 2>&1 && uv=(.venv/bin/python -m uv)
fi
if ((${#uv[@]})); then
  "${uv[@]}" pip install -q -p .venv/bin/python -e ".[test]"
else
  say "uv unavailable; installing with pip"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
fi
say "ready: .venv/bin/riskdash"
