#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/test_browser.py): installs it if missing.
# Needs root or password-less sudo; without them it says so and exits 0 (the tests then skip).
set -euo pipefail

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

if command -v chromium >/dev/null || [ -x /usr/bin/chromium ]; then
    echo "browser.sh: chromium is installed: $(command -v chromium || echo /usr/bin/chromium)"
    exit 0
fi

if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
    echo "browser.sh: chromium is not installed and cannot be installed here (no root, no sudo, or no apt); skipping." >&2
    exit 0
fi
echo "browser.sh: installed $(command -v chromium)"
