# bench/cluster.sh: the throwaway PostgreSQL cluster of the bench scripts (sourced by run.sh and compare.sh, not run).
#
# The sourcing script sets PGPORT, PGROOT (a folder this file removes and makes again), PGDATA_DIR, PGLOG and
# PG_SETTINGS (extra postgresql.conf lines, may be empty), and defines die(). The cluster runs with fsync,
# synchronous_commit and full_page_writes off: it is thrown away, and a crash only means running the bench again.
# Never use these settings for data you want to keep.

# Sets PG_BIN to the folder of the newest PostgreSQL server binaries (15 where present).
find_pg_bin() {
  local dir=""
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then dir=/usr/lib/postgresql/15/bin
  elif command -v pg_config >/dev/null 2>&1; then dir="$(pg_config --bindir 2>/dev/null || true)"; fi
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/psql" ]] \
    || die "PostgreSQL server binaries (initdb, pg_ctl, psql) not found (apt-get install -y postgresql)"
  PG_BIN="$dir"
}

# PostgreSQL's server programs refuse root: run them as the postgres user then.
pg() {
  local tool="$1"; shift
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$tool" "$@"; else "$PG_BIN/$tool" "$@"; fi
}

# One statement against the bench database, unaligned and without headers.
sql() { "$PG_BIN/psql" -X -q -tA -h 127.0.0.1 -p "$PGPORT" -U postgres -d diplomacy -v ON_ERROR_STOP=1 -c "$1"; }

cluster_running() { pg pg_ctl -D "$PGDATA_DIR" status >/dev/null 2>&1; }

cluster_stop() { pg pg_ctl -D "$PGDATA_DIR" stop -m fast >/dev/null 2>&1 || true; }

# A new cluster in PGROOT with an empty database "diplomacy", started. $1 names the caller in postgresql.conf;
# $2 holds its own lines (memory, connections, modules), written before PG_SETTINGS so that those win.
cluster_create() {
  local caller="$1" settings="$2"
  if [[ -f "$PGDATA_DIR/postmaster.pid" ]] && cluster_running; then cluster_stop; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; then die "port $PGPORT is in use (set PGPORT)"; fi
  rm -rf "$PGROOT"
  mkdir -p "$PGROOT"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres OS user to run the cluster"
    chown postgres:postgres "$PGROOT"
  fi
  pg initdb -D "$PGDATA_DIR" --no-sync -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$PGDATA_DIR/postgresql.conf" <<EOF

# ---- $caller (a throwaway cluster: never use fsync=off for data you want to keep)
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGROOT'
effective_cache_size = '16GB'
work_mem = '32MB'
maintenance_work_mem = '2GB'
max_wal_size = '16GB'
checkpoint_timeout = '30min'
wal_level = minimal
max_wal_senders = 0
fsync = off
synchronous_commit = off
full_page_writes = off
lc_messages = 'C'
log_line_prefix = '%m [%p] '
log_timezone = 'UTC'
$settings
${PG_SETTINGS:-}
EOF
  pg pg_ctl -D "$PGDATA_DIR" -l "$PGLOG" -w -t 120 start >/dev/null || die "PostgreSQL did not start; see $PGLOG"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres diplomacy
}
