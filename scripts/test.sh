#!/usr/bin/env bash
# The whole test suite: set-up, services (PostgreSQL when it can be had), lint, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${BEGROOT_TEST_POSTGRES_URL:-}" ] && [ -f scripts/postgres.sh ]; then
  if url=$(bash scripts/postgres.sh 2>/dev/null | tail -n 1) && [[ "$url" == postgresql* ]]; then
    export BEGROOT_TEST_POSTGRES_URL="$url"
    echo "PostgreSQL tests against $url"
  elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be started, and in CI its tests must run: failing" >&2
    exit 1
  else
    echo "PostgreSQL not available: its tests are skipped"
  fi
fi
if [ "${CI:-}" = "true" ]; then
  export BEGROOT_REQUIRE_POSTGRES=1   # a PostgreSQL test that would skip fails instead
fi
bash scripts/browser.sh || true   # Debian's chromium for the browser tests
bash scripts/libreoffice.sh || true   # LibreOffice Writer for the word-processor PDF round trips
.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/mypy
# On every core (pytest-xdist), an idle worker taking tests from a busy one (worksteal); PostgreSQL tests run in
# any worker (a schema each). What is costly to set up is made once per worker or per run (tests/conftest.py).
# BEGROOT_TEST_WORKERS=0 runs them all in this one process.
.venv/bin/python -m pytest -q -n "${BEGROOT_TEST_WORKERS:-auto}" --dist worksteal "$@"
