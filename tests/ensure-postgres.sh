#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the storage tests (as root, Debian 12). Idempotent: installs
# the `postgresql` package if absent, creates and starts the cluster if needed, waits until it
# accepts connections, then makes sure role `gitgrader` (password `gitgrader`, CREATEDB) and
# database `gitgrader_test` exist. The tests then read
#   GITGRADER_TEST_POSTGRES (default Host=127.0.0.1;Port=5432;Username=gitgrader;Password=gitgrader;Database=gitgrader_test)
# and create one throw-away database per test with the CREATEDB role.
set -euo pipefail

ROLE=gitgrader
PASSWORD=gitgrader
DATABASE=gitgrader_test
PORT=${PGPORT:-5432}

log() { echo "ensure-postgres: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-postgres: run as root (it may install packages and start the cluster)" >&2
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi

# The newest installed server version (15 on Debian 12).
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
[ -n "$VERSION" ] || { echo "ensure-postgres: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }

# The package creates cluster "main"; a machine where that did not happen gets one now.
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main --port "$PORT"
fi

status=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $4 }')
if [ "$status" != "online" ]; then
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start
fi

CLUSTER_PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$CLUSTER_PORT"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$CLUSTER_PORT" >/dev/null || {
  echo "ensure-postgres: PostgreSQL $VERSION/main did not accept connections on 127.0.0.1:$CLUSTER_PORT" >&2
  tail -n 20 "/var/log/postgresql/postgresql-$VERSION-main.log" >&2 || true
  exit 1
}

# From /, which the postgres user can always enter.
as_postgres() { (cd / && runuser -u postgres -- psql -p "$CLUSTER_PORT" -v ON_ERROR_STOP=1 -qtA "$@"); }

if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  as_postgres -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
else
  # Re-running repairs a role whose password or rights were changed.
  as_postgres -c "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi

if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  log "creating database $DATABASE"
  as_postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

PGPASSWORD=$PASSWORD psql -h 127.0.0.1 -p "$CLUSTER_PORT" -U "$ROLE" -d "$DATABASE" -qtA -c "SELECT 1" >/dev/null
log "ready: PostgreSQL $VERSION on 127.0.0.1:$CLUSTER_PORT, role $ROLE, database $DATABASE"
