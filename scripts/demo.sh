#!/usr/bin/env bash
# The main job: ingest the bundled sample documents into the embedded database and serve the dashboard.
# BEGROOT_DB selects another database; HOST and PORT where the dashboard listens.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/begroot ingest samples/
.venv/bin/begroot documents
echo "Dashboard: http://${HOST:-127.0.0.1}:${PORT:-8000}/  (Ctrl+C stops it)"
exec .venv/bin/begroot serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
