#!/usr/bin/env bash
# bench/run.sh: a throwaway PostgreSQL cluster holding N synthetic meetings (bench/generate.sql), the API (Release)
# on top of it, and for each read query of the list below: HTTP status, median and p95 time over RUNS requests,
# rows and bytes, and the plan of the slowest SQL statement of the request (from auto_explain), with a flag on
# any Seq Scan of a big table. Then whole exports (CSV, GeoJSON, NDJSON) with the API's peak RSS. See bench/README.md.
#
#   N=1000000 bench/run.sh          N=10000 bench/run.sh   (quick check)
#
# Environment:
#   N             meetings to generate (default 1000000)
#   PGPORT        port of the throwaway cluster (default 55440)
#   API_PORT      port of the API (default 55480)
#   RUNS          requests per query (default 7)
#   SEED          setseed() value of the generator (default 0.42)
#   KEEP=1        leave the cluster and the API running at the end (prints how to stop them)
#   REUSE=1       use the cluster a KEEP=1 run left running: skip creating and loading it (migrations still run)
#   ONLY=regex    time only the queries whose path matches (grep -E)
#   BENCH_PGROOT  folder of the cluster (default /tmp/bench-pg-$PGPORT; made and given to the postgres user)
#   PG_SETTINGS   extra postgresql.conf lines, e.g. PG_SETTINGS=$'jit=off\nrandom_page_cost=1.1'
#   CS_EXTRA      appended to the API's connection string, e.g. CS_EXTRA='Max Auto Prepare=20'
#   CACHE_MB      the API's response cache (Cache:Megabytes; default 0 = off: with it on, all but the first of a
#                 query's requests would be answered from memory, and the times would not be the query's)
#
# The cluster runs with fsync=off, synchronous_commit=off and full_page_writes=off: it is thrown away, and a
# crash would only mean running the bench again. Never use these settings for data you want to keep.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${N:-1000000}"
PGPORT="${PGPORT:-55440}"
API_PORT="${API_PORT:-55480}"
RUNS="${RUNS:-7}"
SEED="${SEED:-0.42}"
KEEP="${KEEP:-0}"
REUSE="${REUSE:-0}"
ONLY="${ONLY:-}"
PGROOT="${BENCH_PGROOT:-/tmp/bench-pg-$PGPORT}"
PGDATA_DIR="$PGROOT/data"
PGLOG="$PGROOT/postgresql.log"
OUT="$ROOT/src/Api/bin/Release/net10.0"
RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y-%m-%d-%H%M%S)"
SUMMARY="$RESULTS/summary-$STAMP.txt"
PLANS="$RESULTS/plans-$STAMP.txt"
API="http://127.0.0.1:$API_PORT/api/v1"
CS="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres${CS_EXTRA:+;$CS_EXTRA}"
CACHE_MB="${CACHE_MB:-0}"
PG_BIN=""
API_PID=""
SAMPLER_PID=""
PG_OURS=0
TMP="$(mktemp -d)"

mkdir -p "$RESULTS"
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
log() { say "==> $*"; }
die() { printf 'error: %s\n' "$*" | tee -a "$SUMMARY" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

source "$ROOT/bench/cluster.sh"

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ "$KEEP" == 1 ]]; then
    if [[ -n "$API_PID" ]] || [[ $PG_OURS -eq 1 ]]; then
      say ""
      say "KEEP=1: left running."
      [[ -n "$API_PID" ]] && say "  API         $API (pid $API_PID; stop: kill $API_PID)"
      say "  PostgreSQL  psql -h 127.0.0.1 -p $PGPORT -U postgres diplomacy   (log: $PGLOG)"
      say "              stop: runuser -u postgres -- $PG_BIN/pg_ctl -D $PGDATA_DIR stop -m fast"
      say "  Again without reloading: REUSE=1 KEEP=1 PGPORT=$PGPORT bench/run.sh"
    fi
  else
    if [[ -n "$API_PID" ]] && kill -0 "$API_PID" 2>/dev/null; then
      kill -TERM "$API_PID" 2>/dev/null || true
      wait "$API_PID" 2>/dev/null || true
    fi
    if [[ $PG_OURS -eq 1 ]]; then
      cluster_stop
    fi
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

find_pg_bin
for tool in dotnet curl perl awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
HAVE_JQ=0; command -v jq >/dev/null && HAVE_JQ=1

say "bench/run.sh  $(date -u '+%Y-%m-%d %H:%M:%S UTC')  commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "  N=$N  RUNS=$RUNS  cluster $PGROOT (port $PGPORT)  API port $API_PORT  $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
say "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)   $("$PG_BIN/postgres" --version)"

# ------------------------------------------------------------------------------------------------ cluster
if [[ "$REUSE" == 1 ]]; then
  cluster_running || die "REUSE=1, but no cluster is running in $PGDATA_DIR"
  PG_OURS=1
  if [[ -f "$PGROOT/api.pid" ]]; then
    old="$(cat "$PGROOT/api.pid")"
    if kill -0 "$old" 2>/dev/null && tr '\0' ' ' < "/proc/$old/cmdline" | grep -q 'Api.dll'; then
      log "Stopping the API a previous KEEP=1 run left (pid $old)"
      kill -TERM "$old"; for _ in $(seq 50); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  N="$(sql "SELECT count(*) FROM meetings")"
  log "Reusing the cluster on port $PGPORT ($N meetings)"
else
  log "Creating a throwaway cluster in $PGROOT"
  # Memory for a 24 GiB, 2-core machine shared with the API and curl; every statement's plan goes to the log.
  cluster_create bench/run.sh "max_connections = 100
shared_buffers = '6GB'
shared_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = 0
auto_explain.log_analyze = on
auto_explain.log_buffers = on
auto_explain.log_nested_statements = on
auto_explain.log_format = text"
  PG_OURS=1
fi

# ------------------------------------------------------------------------------------------------ build, migrate, load
t="$(now)"
build_log="$(dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet 2>&1)" || { printf '%s\n' "$build_log" >&2; die "build failed"; }
log "Built the API (Release) in $(since "$t")"

t="$(now)"
migrate_log="$(ConnectionStrings__Db="$CS" dotnet run -c Release --no-build --project "$ROOT/src/Api" -- migrate 2>&1)" \
  || { printf '%s\n' "$migrate_log" >&2; die "migration job failed"; }
log "Migration job: $(printf '%s\n' "$migrate_log" | grep -o 'Migration job done.*' || echo done) ($(since "$t"))"

if [[ "$REUSE" != 1 ]]; then
  log "Loading N=$N synthetic meetings (bench/generate.sql)"
  t="$(now)"
  if ! "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d diplomacy -v n="$N" -v seed="$SEED" \
      -f "$ROOT/bench/generate.sql" 2>&1 | tee -a "$SUMMARY"; then
    die "bench/generate.sql failed"
  fi
  log "Loaded in $(since "$t")"
fi

BIG="$(sql "SELECT string_agg(relname || '=' || greatest(reltuples, 0)::bigint, ',') FROM pg_class
            WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
              AND relname IN ('meetings', 'delegations', 'delegation_members', 'meeting_search', 'agreements')")"
say "  watched tables (rows): ${BIG//,/, }"

# ------------------------------------------------------------------------------------------------ API
if (exec 3<>"/dev/tcp/127.0.0.1/$API_PORT") 2>/dev/null; then die "port $API_PORT is in use (set API_PORT)"; fi
log "Starting the API on $API (log: $PGROOT/api.log)"
(cd "$OUT" && ConnectionStrings__Db="$CS" Cache__Megabytes="$CACHE_MB" ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" ASPNETCORE_ENVIRONMENT=Production \
   Logging__LogLevel__Default=Warning exec dotnet Api.dll) >"$PGROOT/api.log" 2>&1 &
API_PID=$!
echo "$API_PID" > "$PGROOT/api.pid"
ready=0
for _ in $(seq 240); do
  kill -0 "$API_PID" 2>/dev/null || die "the API exited during startup; see $PGROOT/api.log"
  if curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 0.25
done
[[ $ready -eq 1 ]] || die "the API was not ready after 60 s; see $PGROOT/api.log"

# ------------------------------------------------------------------------------------------------ ids from the data
# The busiest person, organisation, parent meeting and agreement: the heaviest case of each filter.
PERSON="$(sql "SELECT person_id FROM delegation_members GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
ORG="$(sql "SELECT organization_id FROM delegations WHERE organization_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
PARENT="$(sql "SELECT parent_meeting_id FROM meetings WHERE parent_meeting_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
AGREEMENT="$(sql "SELECT agreement_id FROM agreement_meetings GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
AGREEMENT_MEETING="$(sql "SELECT meeting_id FROM agreement_meetings GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
# The most common one-word Arabic and Latin family names of Libyan delegates; the Latin one with its third letter dropped.
AR_FAMILY="$(sql "SELECT w[2] FROM (
                    SELECT regexp_match(p.name_ar, '(\S+) (\S+)\$') AS w
                    FROM delegation_members dm JOIN persons p ON p.id = dm.person_id
                    WHERE dm.delegation_id IN (SELECT id FROM delegations WHERE country_code = 'LBY' LIMIT 20000)) x
                  WHERE w[1] NOT IN ('عبد', 'أبو', 'ابو', 'بن', 'ولد', 'آل', 'ال', 'دي', 'جاويش')
                  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
[[ -n "$AR_FAMILY" ]] || AR_FAMILY="الدبيبة"
TYPO="$(sql "SELECT overlay(w PLACING '' FROM 3 FOR 1) FROM (
               SELECT (regexp_match(p.name_en, '(\S+)\$'))[1] AS w, count(*) AS c
               FROM delegation_members dm JOIN persons p ON p.id = dm.person_id
               WHERE dm.delegation_id IN (SELECT id FROM delegations WHERE country_code = 'LBY' LIMIT 20000)
               GROUP BY 1) x
             WHERE length(w) >= 6 AND w ~ '^[A-Za-z]+\$' ORDER BY c DESC, w LIMIT 1")"
[[ -n "$TYPO" ]] || TYPO="Dbibah"
say "  ids: person $PERSON, organization $ORG, parent $PARENT, agreement $AGREEMENT, meeting with most agreements $AGREEMENT_MEETING; q: $AR_FAMILY, $TYPO"

QUERIES=(
  "/api/v1/meetings?limit=50"
  "/api/v1/meetings?from=2019-01-01&to=2019-12-31"
  "/api/v1/meetings?country=NER"
  "/api/v1/meetings?country=NER&from=2019-01-01&to=2019-12-31"
  "/api/v1/meetings?countries=LBY,NER&from=2019-01-01&to=2019-12-31"
  "/api/v1/meetings?host=TCD"
  "/api/v1/meetings?city=Niamey"
  "/api/v1/meetings?status=planned"
  "/api/v1/meetings?format=summit"
  "/api/v1/meetings?person=$PERSON"
  "/api/v1/meetings?organization=$ORG"
  "/api/v1/meetings?topic=border-security"
  "/api/v1/meetings?parent=$PARENT"
  "/api/v1/meetings?agreement=$AGREEMENT"
  "/api/v1/meetings?q=بازوم"
  "/api/v1/meetings?q=Bazoum"
  "/api/v1/meetings?q=ابوعزوم"
  "/api/v1/meetings?q=$AR_FAMILY"
  "/api/v1/meetings?q=$TYPO"
  "/api/v1/meetings?q=border security"
  "/api/v1/meetings?q=$AR_FAMILY&sort=-startDate"
  "/api/v1/meetings?q=$AR_FAMILY&from=2019-01-01&to=2019-12-31"
  "/api/v1/meetings?sort=-startDate&limit=50"
  "/api/v1/meetings?sort=title&limit=50"
  "/api/v1/meetings?count=exact&country=NER"
  "/api/v1/meetings?count=estimated&country=NER"
  "/api/v1/meetings?include=delegations,agreements,sources,topics&limit=50"
  "/api/v1/agreements?party=LBY"
  "/api/v1/agreements?parties=LBY,NER"
  "/api/v1/agreements?kind=mou"
  "/api/v1/agreements?status=proposed"
  "/api/v1/agreements?from=2019-01-01&to=2019-12-31"
  "/api/v1/agreements?meeting=$AGREEMENT_MEETING"
  "/api/v1/agreements?q=border"
  "/api/v1/agreements?q=$AR_FAMILY"
  "/api/v1/agreements?sort=-date,title"
  "/api/v1/delegations?meeting=$PARENT"
  "/api/v1/delegations?country=LBY"
  "/api/v1/delegations?person=$PERSON"
  "/api/v1/persons?q=محمد"
  "/api/v1/persons?country=NER"
  "/api/v1/organizations?q=Interior"
  "/api/v1/organizations?country=NER"
  "/api/v1/topics"
  "/api/v1/countries"
  "/api/v1/stats/meetings?groupBy=month&from=2019-01-01&to=2019-12-31"
  "/api/v1/stats/meetings?groupBy=month&countries=LBY,NER&from=2019-01-01&to=2019-12-31"
  "/api/v1/stats/meetings?groupBy=year"
  "/api/v1/stats/meetings?groupBy=country"
  "/api/v1/stats/meetings?groupBy=topic&country=NER"
  "/api/v1/stats/meetings?groupBy=format&q=$AR_FAMILY"
  "/api/v1/stats/meetings?groupBy=status&person=$PERSON"
  "/api/v1/countries/NER/partners"
  "/api/v1/countries/LBY/partners?from=2019-01-01&to=2019-12-31"
  "NEXT /api/v1/meetings?country=NER"
)

# Percent-encodes what curl must not send raw (non-ASCII bytes, spaces).
encode() { printf '%s' "$1" | perl -pe 's/([^A-Za-z0-9\-._~\/?&=,:%+])/sprintf("%%%02X", ord($1))/ge'; }
rows_of() {
  [[ $HAVE_JQ -eq 1 ]] || { echo "-"; return; }
  jq -r 'if type == "array" then length
         elif type == "object" and (.items | type) == "array" then (.items | length)
         elif type == "object" then ([.[] | arrays | length] | first // "-")
         else "-" end' "$1" 2>/dev/null || echo "-"
}
logsize() { stat -c %s "$PGLOG"; }
# One line from a problem+json body: its title and the first field error.
problem_of() {
  local text=""
  if [[ $HAVE_JQ -eq 1 ]]; then
    text="$(jq -r '[.title // empty, ((.errors // {}) | to_entries | .[0] // empty | "\(.key): \(.value | join(" "))")]
                   | join(" — ")' "$1" 2>/dev/null || true)"
  fi
  [[ -n "$text" ]] || text="$(head -c 200 "$1" | tr '\n' ' ')"
  printf '%s' "${text:0:180}"
}

# ------------------------------------------------------------------------------------------------ warm-up
for _ in 1 2 3; do
  curl -s -o /dev/null "$API/meetings?limit=1" || true
  curl -s -o /dev/null "$API/countries" || true
done

# ------------------------------------------------------------------------------------------------ queries
{
  echo "Plans of bench/run.sh $STAMP, N=$N, commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "For each query: every SQL statement of its median request, as auto_explain logged it."
} > "$PLANS"
say ""
say "Queries: $RUNS requests each; median and p95 of curl's time_total; rows = items in the JSON; sql = the slowest"
say "statement of the median request (auto_explain duration) and its plan; !! = on a big table (meetings, delegations,"
say "delegation_members, meeting_search, agreements; > 10,000 rows) a Seq Scan or a scan that filtered out > 10,000 rows,"
say "or a sort/hash spilled to disk."
say ""
hdr="$(printf '%-3s %-7s %9s %9s %7s %10s %9s  %s' '#' 'status' 'median_ms' 'p95_ms' 'rows' 'bytes' 'sql_ms' 'query')"
say "$hdr"
say "$(printf '%s' "$hdr" | tr -c '\n' '-')"
qn=0
flagged=0
for entry in "${QUERIES[@]}"; do
  path="$entry"
  if [[ "$entry" == NEXT\ * ]]; then
    first="${entry#NEXT }"
    if [[ -n "$ONLY" ]] && ! grep -Eq -- "$ONLY" <<<"$first&cursor"; then continue; fi
    curl -s -o "$TMP/first.json" "http://127.0.0.1:$API_PORT$(encode "$first")" || true
    cursor=""
    if [[ $HAVE_JQ -eq 1 ]]; then cursor="$(jq -r '.nextCursor // empty' "$TMP/first.json" 2>/dev/null || true)"
    else cursor="$(grep -o '"nextCursor":"[^"]*"' "$TMP/first.json" | cut -d'"' -f4 || true)"; fi
    qn=$((qn + 1))
    if [[ -z "$cursor" ]]; then
      say "$(printf '%-3s %-7s %9s %9s %7s %10s %9s  %s' "$qn" '-' '-' '-' '-' '-' '-' "$first (2nd page)")"
      say "      skipped: the first page had no nextCursor"
      continue
    fi
    path="$first&cursor=$cursor"
    label="$first&cursor=… (2nd page)"
  else
    if [[ -n "$ONLY" ]] && ! grep -Eq -- "$ONLY" <<<"$path"; then continue; fi
    qn=$((qn + 1))
    label="$path"
  fi
  url="http://127.0.0.1:$API_PORT$(encode "$path")"
  : > "$TMP/times"
  for r in $(seq "$RUNS"); do
    start="$(logsize)"
    res="$(curl -s -o "$TMP/body.$r" -w '%{http_code} %{time_total} %{size_download}' --max-time 600 "$url" || echo "000 0 0")"
    sleep 0.05
    end="$(logsize)"
    tail -c +"$((start + 1))" "$PGLOG" | head -c "$((end - start))" > "$TMP/log.$r"
    echo "$r $res" >> "$TMP/times"
  done
  # The median request (by time) gives rows, bytes and the plans.
  read -r med_run med_ms p95_ms < <(sort -k3,3g "$TMP/times" | awk -v n="$RUNS" '
      { run[NR] = $1; t[NR] = $3 }
      END { m = int((n + 1) / 2); p = int(n * 0.95); if (p < n * 0.95) p++; printf "%s %.1f %.1f\n", run[m], t[m] * 1000, t[p] * 1000 }')
  statuses="$(awk '{ print $2 }' "$TMP/times" | sort -u | paste -sd/ -)"
  bytes="$(awk -v r="$med_run" '$1 == r { print $4 }' "$TMP/times")"
  status_med="$(awk -v r="$med_run" '$1 == r { print $2 }' "$TMP/times")"
  rows="-"; [[ "$status_med" == 2* ]] && rows="$(rows_of "$TMP/body.$med_run")"
  declare -A P=()
  while IFS=$'\t' read -r k v; do P["$k"]="$v"; done < <(perl "$ROOT/bench/plans.pl" --big "$BIG" "$TMP/log.$med_run")
  say "$(printf '%-3s %-7s %9s %9s %7s %10s %9s  %s' "$qn" "$statuses" "$med_ms" "$p95_ms" "$rows" "$bytes" "${P[slowest_ms]:--}" "$label")"
  if [[ "${P[statements]:-0}" -gt 0 ]]; then
    say "      plan: ${P[scans]}   [${P[nodes]}]   (${P[statements]} statement(s))"
  fi
  if [[ "$status_med" != 2* ]]; then say "      $(problem_of "$TMP/body.$med_run")"; fi
  if [[ -n "${P[flags]:-}" ]]; then
    flagged=$((flagged + 1))
    say "      !! ${P[flags]}"
  fi
  {
    echo
    echo "=================================================================================================="
    echo "#$qn $label"
    echo "status $statuses, median ${med_ms} ms, p95 ${p95_ms} ms, $bytes bytes; median request = run $med_run of $RUNS"
    echo "=================================================================================================="
    cat "$TMP/log.$med_run"
  } >> "$PLANS"
  unset P
done
say ""
say "$qn queries; $flagged flagged (!!). Full plans: ${PLANS#"$ROOT"/}"

# ------------------------------------------------------------------------------------------------ exports
# Whole exports, every matching row: bytes, time and the API's resident memory, before and at its peak.
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$API_PID/status" 2>/dev/null || echo 0; }
export_memory() {
  local path="$1" rss_before rss_peak csv_status csv_bytes csv_time
  if [[ -n "$ONLY" ]] && ! grep -Eq -- "$ONLY" <<<"$path"; then return; fi
  : > "$TMP/rss"
  rss_before="$(rss)"
  ( while kill -0 "$API_PID" 2>/dev/null; do rss >> "$TMP/rss"; sleep 0.1; done ) &
  SAMPLER_PID=$!
  read -r csv_status csv_bytes csv_time < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' --max-time 3600 \
      "http://127.0.0.1:$API_PORT$(encode "$path")" || echo "000 0 0")
  kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  rss_peak="$(sort -n "$TMP/rss" 2>/dev/null | tail -n 1)"
  say "$(awk -v p="$path" -v s="$csv_status" -v b="$csv_bytes" -v t="$csv_time" -v r0="$rss_before" -v rp="${rss_peak:-0}" 'BEGIN {
    printf "export  GET %s: status %s, %.1f MB in %.1f s; API RSS before %.0f MB, peak %.0f MB (sampled every 100 ms)",
           p, s, b / 1048576, t, r0 / 1024, (rp > r0 ? rp : r0) / 1024 }')"
}
say ""
export_memory "/api/v1/meetings?format=csv"
export_memory "/api/v1/meetings?format=geojson&country=NER"
export_memory "/api/v1/agreements?format=csv"
export_memory "/api/v1/delegations?format=ndjson&country=LBY"
say ""
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)   summary: ${SUMMARY#"$ROOT"/}"
