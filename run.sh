#!/usr/bin/env bash
# Quick start: local PostgreSQL (unless ConnectionStrings__Db is set) -> build -> migrate -> API.
# Usage: ./run.sh        env: PORT (API, default 8080), PGPORT (local cluster, default 55432)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"
DATA="$ROOT/.data"
PGDATA_DIR="$DATA/pg"
OUT="$ROOT/src/Api/bin/Release/net10.0"
API_PID=""
PG_STARTED=0
PG_BIN=""

log() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a PostgreSQL server command as the right OS user (postgres refuses to run as root).
pg() {
  local tool="$1"; shift
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$tool" "$@"; else "$PG_BIN/$tool" "$@"; fi
}

cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$API_PID" ]] && kill -0 "$API_PID" 2>/dev/null; then
    log "Stopping API"
    kill -TERM "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  if [[ $PG_STARTED -eq 1 ]]; then
    log "Stopping PostgreSQL"
    pg pg_ctl -D "$PGDATA_DIR" stop -m fast >/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

find_pg_bin() {
  local dir=""
  if command -v pg_config >/dev/null 2>&1; then dir="$(pg_config --bindir 2>/dev/null || true)"; fi
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || return 1
  PG_BIN="$dir"
}

if [[ -n "${ConnectionStrings__Db:-}" ]]; then
  log "Using database from ConnectionStrings__Db (local cluster skipped)"
else
  find_pg_bin || die "PostgreSQL server binaries (initdb, pg_ctl) not found.
Install PostgreSQL first, e.g. on Debian/Ubuntu:  sudo apt-get install -y postgresql"
  PGPORT="${PGPORT:-55432}"
  mkdir -p "$DATA"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' OS user to run the cluster"
    chown postgres:postgres "$DATA"
    runuser -u postgres -- test -w "$DATA" \
      || die "user 'postgres' cannot write to $DATA (is a parent folder of the repo private?)"
  fi
  if [[ ! -s "$PGDATA_DIR/PG_VERSION" ]]; then
    log "Creating PostgreSQL cluster in .data/pg ($("$PG_BIN/postgres" --version))"
    pg initdb -D "$PGDATA_DIR" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg pg_ctl -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    PGPORT="$(sed -n 4p "$PGDATA_DIR/postmaster.pid")"
    log "PostgreSQL already running on port $PGPORT (reusing, will leave it running)"
  else
    log "Starting PostgreSQL on 127.0.0.1:$PGPORT (log: .data/pg.log)"
    pg pg_ctl -D "$PGDATA_DIR" -l "$DATA/pg.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories='$DATA'" start >/dev/null \
      || die "PostgreSQL failed to start; see .data/pg.log"
    PG_STARTED=1
  fi
  if [[ "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -XtAc \
        "SELECT 1 FROM pg_database WHERE datname = 'diplomacy'")" != "1" ]]; then
    log "Creating database 'diplomacy'"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres diplomacy
  fi
  export ConnectionStrings__Db="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres"
fi

log "Building (Release)"
if ! build_log="$(dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet 2>&1)"; then
  printf '%s\n' "$build_log" >&2; die "build failed"
fi

# Run from the output folder so the content root (appsettings*.json, db/) is the app's own.
log "Running migrations and seed import"
(cd "$OUT" && dotnet Api.dll migrate)

log "Starting API on http://localhost:$PORT"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
(cd "$OUT" && ASPNETCORE_URLS="http://localhost:$PORT" exec dotnet Api.dll) &
API_PID=$!

ready=0
for _ in $(seq 1 120); do
  kill -0 "$API_PID" 2>/dev/null || die "API exited during startup"
  if curl -fsS -o /dev/null "http://localhost:$PORT/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
if [[ $ready -eq 0 ]]; then
  log "warning: /health/ready not OK after 60s (database down?); API still running, PID $API_PID"
fi
log "Swagger UI: http://localhost:$PORT/swagger   (Ctrl+C to stop)"

wait "$API_PID"
