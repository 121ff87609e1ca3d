#!/usr/bin/env bash
# The main job on the bundled sample documents.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/begroot summary samples/
