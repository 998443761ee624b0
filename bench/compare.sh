#!/usr/bin/env bash
# bench/compare.sh: this API against Platformatic DB (../shared/peer, an auto-REST server a user could point at the
# same tables instead) and against a minimal ASP.NET Core + Dapper app (bench/minimal), on one throwaway cluster
# holding N synthetic meetings (bench/generate.sql), on this machine, in one run. For each shape wrk runs on each
# server in turn, ROUNDS times, alternating which goes first; it prints the median req/s and p99 of each and the
# ratio. See bench/README.md ("Side by side").
#
#   N=100000 bench/compare.sh          KEEP=1 N=1000000 bench/compare.sh, then REUSE=1 bench/compare.sh
#
# Environment:
#   N            meetings to generate (default 100000)
#   PGPORT       port of the throwaway cluster (default 25440; below 32768, see MACHINE-NOTES)
#   API_PORT     this API (default 25480); PEER_PORT the peer (25443); MIN_PORT the minimal app (25481)
#   ROUNDS       rounds per shape (default 3); DURATION of each wrk run (default 8s); CONNECTIONS (16); THREADS (2)
#   ONLY         run only the shapes whose name matches this extended regex, e.g. ONLY='doc|deleg'
#   NO_PEER=1    skip the peer (its first start installs Node 22 and Platformatic DB from npm: about two minutes)
#   KEEP=1       leave the cluster running at the end; REUSE=1 use the one a KEEP=1 run left (no load; migrations run)
#   CACHE_MB     the API's response cache (Cache:Megabytes; default 0 = off, the uncached figures; e.g. 64 for cached ones)
#   CS_EXTRA     appended to the connection string of the API and of the minimal app, e.g. 'Max Auto Prepare=0'
#   PG_SETTINGS  extra postgresql.conf lines
#
# The cluster runs with fsync, synchronous_commit and full_page_writes off: it is thrown away. Never use these
# settings for data you want to keep.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${N:-100000}"
PGPORT="${PGPORT:-25440}"
API_PORT="${API_PORT:-25480}"
PEER_PORT="${PEER_PORT:-25443}"
MIN_PORT="${MIN_PORT:-25481}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-8s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
ONLY="${ONLY:-}"
NO_PEER="${NO_PEER:-0}"
KEEP="${KEEP:-0}"
REUSE="${REUSE:-0}"
CACHE_MB="${CACHE_MB:-0}"
PGROOT="${BENCH_PGROOT:-/tmp/bench-compare-$PGPORT}"
PGDATA_DIR="$PGROOT/data"
PGLOG="$PGROOT/postgresql.log"
RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
SUMMARY="$RESULTS/compare-$STAMP.txt"
CS="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres${CS_EXTRA:+;$CS_EXTRA}"
PIDS=()
PG_OURS=0
TMP="$(mktemp -d)"
chmod 755 "$TMP"

mkdir -p "$RESULTS"
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
log() { say "==> $*"; }
die() { printf 'error: %s\n' "$*" | tee -a "$SUMMARY" >&2; exit 1; }

source "$ROOT/bench/cluster.sh"
find_pg_bin
for tool in dotnet wrk curl awk; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y wrk curl)"; done

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $PG_OURS -eq 1 && "$KEEP" != 1 ]]; then cluster_stop; fi
  if [[ "$KEEP" == 1 ]]; then
    say "KEEP=1: the cluster is left running: psql -h 127.0.0.1 -p $PGPORT -U postgres diplomacy"
    say "  again without reloading: REUSE=1 PGPORT=$PGPORT bench/compare.sh; stop: runuser -u postgres -- $PG_BIN/pg_ctl -D $PGDATA_DIR stop"
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_http() { # url, seconds
  for _ in $(seq $(( $2 * 10 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

say "bench/compare.sh  $(date -u '+%Y-%m-%d %H:%M:%S UTC')  commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
say "  N=$N  wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds  response cache ${CACHE_MB} MiB  $(nproc) cores  load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------------------------------ cluster
if [[ "$REUSE" == 1 ]]; then
  cluster_running || die "REUSE=1, but no cluster runs in $PGDATA_DIR"
  PG_OURS=1
else
  cluster_create bench/compare.sh "max_connections = 200
shared_buffers = '4GB'"
  PG_OURS=1
fi

dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; die "API build failed"; }
dotnet build "$ROOT/bench/minimal" -c Release -nologo -v quiet >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; die "minimal app build failed"; }
ConnectionStrings__Db="$CS" dotnet "$ROOT/src/Api/bin/Release/net10.0/Api.dll" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migration job failed"; }
if [[ "$REUSE" != 1 ]]; then
  log "Loading N=$N meetings (bench/generate.sql)"
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d diplomacy -v n="$N" -v ON_ERROR_STOP=1 -f "$ROOT/bench/generate.sql" >"$TMP/load.log" 2>&1 \
    || { cat "$TMP/load.log"; die "bench/generate.sql failed"; }
  sql "VACUUM ANALYZE" >/dev/null
fi
N="$(sql "SELECT count(*) FROM meetings")"
say "  $N meetings, $(sql "SELECT count(*) FROM delegations") delegations, $(sql "SELECT count(*) FROM delegation_members") members, $(sql "SELECT count(*) FROM agreements") agreements"

# ------------------------------------------------------------------------------------------------ servers
# A server left on one of the ports would answer in place of the one started here, silently.
for port in "$API_PORT" "$PEER_PORT" "$MIN_PORT"; do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || die "something already answers on port $port; stop it or choose another port"
done
(cd "$ROOT/src/Api/bin/Release/net10.0" && ConnectionStrings__Db="$CS" Cache__Megabytes="$CACHE_MB" ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" \
  exec dotnet Api.dll >"$PGROOT/api.log" 2>&1) &
PIDS+=($!)
(ConnectionStrings__Db="$CS" ASPNETCORE_URLS="http://127.0.0.1:$MIN_PORT" exec dotnet "$ROOT/bench/minimal/bin/Release/net10.0/Minimal.dll" >"$PGROOT/minimal.log" 2>&1) &
PIDS+=($!)
if [[ "$NO_PEER" != 1 ]]; then
  (PLT_DB="postgres://postgres@127.0.0.1:$PGPORT/diplomacy" PLT_PORT="$PEER_PORT" exec "${PEER_SH:-$ROOT/../shared/peer/peer.sh}" >"$PGROOT/peer.log" 2>&1) &
  PIDS+=($!)
fi
wait_http "http://127.0.0.1:$API_PORT/health/live" 60 || { cat "$PGROOT/api.log"; die "the API did not start"; }
wait_http "http://127.0.0.1:$MIN_PORT/countries/NER" 60 || { cat "$PGROOT/minimal.log"; die "the minimal app did not start"; }
if [[ "$NO_PEER" != 1 ]]; then
  wait_http "http://127.0.0.1:$PEER_PORT/countries?limit=1" 300 || { cat "$PGROOT/peer.log"; die "the peer did not start"; }
fi

# ------------------------------------------------------------------------------------------------ what is asked
# 200 meetings with delegations, spread over the table; every request of a run takes the next one.
sql "SELECT m.id FROM meetings m WHERE EXISTS (SELECT 1 FROM delegations d WHERE d.meeting_id = m.id)
     ORDER BY md5(m.id::text) LIMIT 200" > "$TMP/ids"
# One host and year with about a page or more of meetings, and the ids of that page (the peer's follow-up requests).
HOST=NER; FROM=2019-01-01; TO=2019-12-31
PAGE="SELECT id FROM meetings WHERE host_country_code = '$HOST' AND start_date BETWEEN '$FROM' AND '$TO' ORDER BY start_date, id LIMIT 50"

# chunks <file> <path before the ids> <ids per request> <query of the ids>: the peer's requests for rows of those ids,
# so many ids a request that none can answer more than its maximum of 100 rows. Every line is needed for one answer.
chunks() {
  sql "SELECT '$2' || string_agg(id::text, ',') || '&limit=100' FROM (SELECT id, (row_number() OVER () - 1) / $3 AS g FROM ($4) q) c
       GROUP BY g ORDER BY g" > "$TMP/$1"
}

paths() { # file name, template with {id}
  while read -r id; do printf '%s\n' "${2//\{id\}/$id}"; done < "$TMP/ids" > "$TMP/$1"
}
cat > "$TMP/paths.lua" <<'EOF'
-- Every request takes the next path of the file named by WRK_PATHS (one path a line), round and round.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
EOF

# run <port> <paths file> → "req/s p99_ms non2xx"
run() {
  local out
  out="$(WRK_PATHS="$TMP/$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$TMP/paths.lua" "http://127.0.0.1:$1" 2>&1)"
  awk '/Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; if (v ~ /us$/) ms = v / 1000; else if (v ~ /ms$/) ms = v + 0; else if (v ~ /s$/) ms = v * 1000; p99 = ms }
       /Non-2xx/ { bad = $NF }
       END { printf "%.0f %.1f %d\n", rps, p99, bad }' <<<"$out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# shape name | our port | our paths | their port | their paths (several, comma-separated: the peer's requests for the same data)
SHAPES=()
shape() { SHAPES+=("$1|$2|$3|$4|$5"); }
single() { printf '%s\n' "$2" > "$TMP/$1"; }

paths ours-doc "/api/v1/meetings/{id}"
paths peer-row "/meetings/{id}"
paths min-row "/meetings/{id}"
paths ours-deleg "/api/v1/meetings/{id}/delegations"
paths peer-deleg "/delegations?where.meetingId.eq={id}"
single ours-filtered "/api/v1/meetings?host=$HOST&from=$FROM&to=$TO&limit=50"
single peer-filtered "/meetings?where.hostCountryCode.eq=$HOST&where.startDate.gte=$FROM&where.startDate.lte=$TO&orderby.startDate=asc&orderby.id=asc&limit=50"
single ours-first "/api/v1/meetings?limit=50"
single peer-first "/meetings?orderby.startDate=asc&orderby.id=asc&limit=50"
single ours-include "/api/v1/meetings?host=$HOST&from=$FROM&to=$TO&limit=50&include=delegations,agreements"
chunks peer-include-delegations "/delegations?where.meetingId.in=" 20 "$PAGE"
chunks peer-include-members "/delegationMembers?where.delegationId.in=" 16 "SELECT id FROM delegations WHERE meeting_id IN ($PAGE)"
chunks peer-include-persons "/persons?where.id.in=" 100 "SELECT DISTINCT dm.person_id AS id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE d.meeting_id IN ($PAGE)"
chunks peer-include-links "/agreementMeetings?where.meetingId.in=" 25 "$PAGE"
chunks peer-include-agreements "/agreements?where.id.in=" 100 "SELECT DISTINCT agreement_id AS id FROM agreement_meetings WHERE meeting_id IN ($PAGE)"
chunks peer-include-parties "/agreementParties?where.agreementId.in=" 20 "SELECT DISTINCT agreement_id AS id FROM agreement_meetings WHERE meeting_id IN ($PAGE)"
single ours-country "/api/v1/countries/NER"
single min-country "/countries/NER"

shape "filtered list (host + year, 50)" "$API_PORT" ours-filtered "$PEER_PORT" peer-filtered
shape "first page (50)" "$API_PORT" ours-first "$PEER_PORT" peer-first
shape "delegations of a meeting" "$API_PORT" ours-deleg "$PEER_PORT" peer-deleg
shape "page of 50 with include=delegations,agreements" "$API_PORT" ours-include "$PEER_PORT" peer-filtered,peer-include-delegations,peer-include-members,peer-include-persons,peer-include-links,peer-include-agreements,peer-include-parties
shape "whole meeting document vs the peer's bare row" "$API_PORT" ours-doc "$PEER_PORT" peer-row
shape "single row: country (feature tax vs minimal app)" "$API_PORT" ours-country "$MIN_PORT" min-country
shape "meeting document vs minimal app's bare row" "$API_PORT" ours-doc "$MIN_PORT" min-row

# Warm every server and PostgreSQL's cache on every path once.
for f in "$TMP"/ours-* "$TMP"/peer-* "$TMP"/min-*; do
  base="$(basename "$f")"
  case "$base" in ours-*) port=$API_PORT ;; peer-*) port=$PEER_PORT; [[ "$NO_PEER" == 1 ]] && continue ;; min-*) port=$MIN_PORT ;; esac
  while read -r p; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$p")"
    [[ "$code" == 200 ]] || die "GET :$port$p answered $code"
  done < "$f"
done

say ""
printf '%-50s %10s %8s %10s %8s %7s\n' "shape" "ours r/s" "p99 ms" "them r/s" "p99 ms" "ratio" | tee -a "$SUMMARY"
for s in "${SHAPES[@]}"; do
  IFS='|' read -r name our_port our_paths their_port their_paths <<<"$s"
  [[ -n "$ONLY" ]] && ! grep -Eq "$ONLY" <<<"$name" && continue
  [[ "$NO_PEER" == 1 && "$their_port" == "$PEER_PORT" ]] && continue
  IFS=',' read -ra theirs <<<"$their_paths"
  : > "$TMP/r-ours"; : > "$TMP/r-theirs"
  for round in $(seq "$ROUNDS"); do
    results=()
    if (( round % 2 == 1 )); then order=(ours theirs); else order=(theirs ours); fi
    for side in "${order[@]}"; do
      if [[ $side == ours ]]; then
        read -r rps p99 bad < <(run "$our_port" "$our_paths")
        [[ "$bad" == 0 ]] || die "$name: $bad non-2xx answers from us"
        echo "$rps $p99" >> "$TMP/r-ours"
      else
        # Several requests for one answer (the include shape: every line of every file): the rate of the whole is
        # 1 / (sum over the requests of 1 / their rate); p99 adds up. Otherwise each line is another id to ask for.
        inv=0; p99s=0
        for t in "${theirs[@]}"; do
          read -r rps p99 bad < <(run "$their_port" "$t")
          [[ "$bad" == 0 ]] || die "$name: $bad non-2xx answers from :$their_port"
          n=1; (( ${#theirs[@]} > 1 )) && n="$(wc -l < "$TMP/$t")"
          inv="$(awk -v a="$inv" -v r="$rps" -v n="$n" 'BEGIN { print a + n / r }')"
          p99s="$(awk -v a="$p99s" -v p="$p99" 'BEGIN { print a + p }')"
        done
        echo "$(awk -v i="$inv" 'BEGIN { printf "%.0f", 1 / i }') $p99s" >> "$TMP/r-theirs"
      fi
    done
  done
  o="$(cut -d' ' -f1 "$TMP/r-ours" | median)"; op="$(cut -d' ' -f2 "$TMP/r-ours" | median)"
  t="$(cut -d' ' -f1 "$TMP/r-theirs" | median)"; tp="$(cut -d' ' -f2 "$TMP/r-theirs" | median)"
  label="$name"; (( ${#theirs[@]} > 1 )) && label="$name [peer: $(cat "${theirs[@]/#/$TMP/}" | wc -l) requests]"
  printf '%-50s %10.0f %8.1f %10.0f %8.1f %7.2f\n' "$label" "$o" "$op" "$t" "$tp" "$(awk -v a="$o" -v b="$t" 'BEGIN { print a / b }')" | tee -a "$SUMMARY"
done
say ""
say "(ratio = ours / theirs; medians of $ROUNDS rounds; 'them' is the peer, or the minimal app where the shape says so)"
say "summary: $SUMMARY"
