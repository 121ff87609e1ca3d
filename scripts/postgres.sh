#!/usr/bin/env bash
# A local PostgreSQL for begroot's tests: installs it if missing (needs root or sudo),
# starts a cluster, creates user and database begroot/begroot and prints the URL.
# Idempotent. Without the rights to install, it says so and exits 0.
set -euo pipefail

URL="postgresql+psycopg://begroot:begroot@127.0.0.1:5432/begroot"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

have_postgres() { command -v pg_ctlcluster >/dev/null || command -v initdb >/dev/null; }

if ! have_postgres; then
    if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }; then
        echo "postgres.sh: PostgreSQL is not installed and cannot be installed here (no root, no sudo); skipping." >&2
        exit 0
    fi
fi

if ! command -v pg_lsclusters >/dev/null; then
    echo "postgres.sh: found PostgreSQL without Debian's cluster tools; start a server yourself, then use $URL" >&2
    exit 0
fi

# The first cluster Debian's tools know, created if there is none.
read -r VERSION CLUSTER < <(pg_lsclusters -h | awk '{print $1, $2; exit}') || true
if [ -z "${VERSION:-}" ]; then
    VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
    CLUSTER=main
    as_root pg_createcluster "$VERSION" "$CLUSTER" --port 5432 >/dev/null || {
        echo "postgres.sh: cannot create a cluster (no root); skipping." >&2; exit 0; }
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$VERSION" "$CLUSTER" start || {
        echo "postgres.sh: cannot start the cluster (no root); skipping." >&2; exit 0; }
fi

if ! as_root true; then
    # Without root we cannot create roles; the database may still be there from an earlier run.
    if PGPASSWORD=begroot psql -h 127.0.0.1 -p 5432 -U begroot -d begroot -qtAc "SELECT 1" >/dev/null 2>&1; then
        echo "$URL"
    else
        echo "postgres.sh: cannot create the begroot role and database (no root, no sudo); skipping." >&2
    fi
    exit 0
fi

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -p 5432 $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname='begroot'\"")" != 1 ]; then
    psql_admin "-c \"CREATE ROLE begroot LOGIN PASSWORD 'begroot'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname='begroot'\"")" != 1 ]; then
    psql_admin "-c \"CREATE DATABASE begroot OWNER begroot\""
fi
echo "$URL"
