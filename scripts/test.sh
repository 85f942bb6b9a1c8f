#!/usr/bin/env bash
# Set up and run the full test suite: system packages (where we are root), the PostgreSQL server
# (where one is installed), a virtual environment with every extra, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] \
    && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[all]'
.venv/bin/python -m ruff check src tests bench
.venv/bin/python -m pytest "$@"
