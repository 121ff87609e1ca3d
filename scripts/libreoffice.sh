#!/usr/bin/env bash
# LibreOffice Writer for the word-processor PDF round trips (begroot.testing.pdf, tests/test_corpus.py):
# installs Debian's libreoffice-writer-nogui (falling back to libreoffice-writer) when soffice is missing.
# Needs root or password-less sudo; without them it says so and exits 0 (the PDF tests then skip locally,
# and fail in CI, where a missing soffice is an error).
set -euo pipefail

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

if command -v soffice >/dev/null; then
    echo "libreoffice.sh: soffice is installed: $(command -v soffice)"
    exit 0
fi

install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

if ! as_root apt-get update -qq; then
    echo "libreoffice.sh: soffice is not installed and cannot be installed here (no root, no sudo, or no apt); skipping." >&2
    exit 0
fi
if ! install libreoffice-writer-nogui && ! install libreoffice-writer; then
    echo "libreoffice.sh: installing LibreOffice Writer failed; the PDF round trips cannot run." >&2
    exit 0
fi
echo "libreoffice.sh: installed $(command -v soffice)"
