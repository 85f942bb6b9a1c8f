#!/usr/bin/env bash
# Set up and run the full test suite: system packages (where we are root), the PostgreSQL server
# (where one is installed), a virtual environment with every extra, then pytest.
# Installing chromium and starting PostgreSQL are optional: when they fail, the tests that need
# them are skipped, and the suite still runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Seconds apt-get waits for another install to release the package lock.
APT_LOCK_WAIT="${NEWSLEDGER_APT_LOCK_WAIT:-300}"

note() { printf 'scripts/test.sh: %s\n' "$*" >&2; }

install_chromium() {
    local apt=(apt-get -qq -o "DPkg::Lock::Timeout=${APT_LOCK_WAIT}")
    "${apt[@]}" update && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y chromium >/dev/null
}

start_postgres() {
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1; then
    install_chromium || note "chromium could not be installed; the browser tests will be skipped"
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] \
    && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    start_postgres || note "PostgreSQL could not be started; the PostgreSQL tests will be skipped"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[all]'
.venv/bin/python -m ruff check src tests bench
.venv/bin/python -m pytest "$@"
