#!/usr/bin/env bash
# bench/faults.sh: what clients see while PostgreSQL fails under them. A throwaway cluster with the seed records,
# the API (Release) with a write key, and WORKERS clients that each, in a loop, read a meeting, read a list and
# create a person (curl, with a timeout of CLIENT_TIMEOUT s). During the run the cluster is, in turn, stopped fast
# and started, killed with SIGKILL and started (crash recovery), and frozen (SIGSTOP on every PostgreSQL process)
# for FREEZE seconds. For each phase it prints the answers by status, how many took longer than the request time
# (Api__RequestTimeoutSeconds, REQUEST_TIMEOUT) plus 5 s, and the seconds until the first 200 after the fault;
# at the end, whether every create answered 201 is found afterwards. The cluster is durable (fsync and
# synchronous_commit on), as a database that loses no acknowledged write must be. Then, on the healthy cluster:
# WRITERS clients changing one person at once with If-Match (each change retried on 412 until it passes: answers by
# status, and whether the person's history is gap-free with one version per 200); WRITERS identical POSTs at once
# with one Idempotency-Key and WRITERS without one (records made by each); and MIGRATORS migration jobs at once on
# an empty database (their exit codes, and each migration recorded once).
#
#   bench/faults.sh
#
# Environment: PGPORT (default 25460), API_PORT (25492), WORKERS (4), PHASE (8 s of load before and after each
# fault), FREEZE (15), REQUEST_TIMEOUT (5), CLIENT_TIMEOUT (30), WRITERS (32), CHANGES (3 per writer), MIGRATORS (4).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PGPORT="${PGPORT:-25460}"
API_PORT="${API_PORT:-25492}"
WORKERS="${WORKERS:-4}"
PHASE="${PHASE:-8}"
FREEZE="${FREEZE:-15}"
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-5}"
CLIENT_TIMEOUT="${CLIENT_TIMEOUT:-30}"
WRITERS="${WRITERS:-32}"
CHANGES="${CHANGES:-3}"
MIGRATORS="${MIGRATORS:-4}"
PGROOT="/tmp/bench-faults-$PGPORT"
PGDATA_DIR="$PGROOT/data"
PGLOG="$PGROOT/postgresql.log"
OUT="$ROOT/src/Api/bin/Release/net10.0"
TMP="$(mktemp -d)"
BASE="http://127.0.0.1:$API_PORT"
API_PID=""
WORKER_PIDS=()

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# The cluster's postmaster and its children (every backend and helper): no other cluster's.
postgres_pids() {
  local pm
  pm="$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null)" || return 0
  [[ -n "$pm" ]] || return 0
  echo "$pm"; pgrep -P "$pm" || true
}
source "$ROOT/bench/cluster.sh"
find_pg_bin
for tool in dotnet curl awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
cleanup() {
  for pid in "${WORKER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "$API_PID" ]] && { kill -TERM "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
  if [[ -f "$PGDATA_DIR/postmaster.pid" ]]; then
    kill -CONT $(postgres_pids) 2>/dev/null || true
    pg pg_ctl -D "$PGDATA_DIR" stop -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP" "$PGROOT"
}
trap cleanup EXIT
! curl -s -o /dev/null --max-time 2 "$BASE/" || die "something already answers on $BASE"

# Durable, unlike the other bench clusters: a write acknowledged before a kill -9 must survive it.
PG_SETTINGS=$'fsync = on\nsynchronous_commit = on\nfull_page_writes = on'
cluster_create "bench/faults.sh" "max_connections = 100"
CS="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres"
dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; die "API build failed"; }
ConnectionStrings__Db="$CS" dotnet "$OUT/Api.dll" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migration job failed"; }
key_out="$(dotnet "$OUT/Api.dll" key faults)"
KEY="$(awk '$1 == "Key:" { print $2 }' <<<"$key_out")"
HASH="$(awk '$1 == "Hash:" { print $2 }' <<<"$key_out")"
(cd "$OUT" && ConnectionStrings__Db="$CS" ASPNETCORE_URLS="$BASE" Api__RequestTimeoutSeconds="$REQUEST_TIMEOUT" \
  ApiKeys__0__Name=faults ApiKeys__0__Hash="$HASH" ApiKeys__0__Scopes=read,write \
  RateLimits__Writes__PermitLimit=100000000 exec dotnet Api.dll >"$TMP/api.log" 2>&1) &
API_PID=$!
for _ in $(seq 600); do curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$BASE/health/ready" || { cat "$TMP/api.log"; die "the API did not start"; }
MEETING="$(sql "SELECT id FROM meetings ORDER BY id LIMIT 1")"

# Each line: seconds since the epoch (when the request was sent), method and path, status (000: no answer), seconds taken.
worker() {
  local n=0
  while true; do
    n=$((n + 1))
    curl -s -o /dev/null --max-time "$CLIENT_TIMEOUT" -w "$(date +%s.%N) GET/meeting %{http_code} %{time_total}\n" "$BASE/api/v1/meetings/$MEETING" || true
    curl -s -o /dev/null --max-time "$CLIENT_TIMEOUT" -w "$(date +%s.%N) GET/list %{http_code} %{time_total}\n" "$BASE/api/v1/meetings?limit=20" || true
    # The Location on the answer's own line, so that a worker stopped between two writes loses no acknowledged create.
    curl -s -o /dev/null --max-time "$CLIENT_TIMEOUT" -w "$(date +%s.%N) POST/person %{http_code} %{time_total} %header{location}\n" \
      -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      -d "{\"nameEn\":\"Fault person $1-$n\"}" "$BASE/api/v1/persons" || true
  done
}
for w in $(seq "$WORKERS"); do worker "$w" >>"$TMP/answers.$w" & WORKER_PIDS+=($!); done

mark() { date +%s.%N >"$TMP/mark.$1"; }

sleep "$PHASE"; mark stop
pg pg_ctl -D "$PGDATA_DIR" stop -m fast >/dev/null; sleep 3
pg pg_ctl -D "$PGDATA_DIR" -l "$PGLOG" -w start >/dev/null; mark stop-up
sleep "$PHASE"; mark kill
kill -KILL $(postgres_pids); sleep 3
rm -f "$PGDATA_DIR/postmaster.pid"
pg pg_ctl -D "$PGDATA_DIR" -l "$PGLOG" -w start >/dev/null; mark kill-up
sleep "$PHASE"; mark freeze
kill -STOP $(postgres_pids) 2>/dev/null || true; sleep "$FREEZE"
kill -CONT $(postgres_pids) 2>/dev/null || true; mark freeze-up
sleep "$PHASE"; mark end
for pid in "${WORKER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
WORKER_PIDS=()
sleep 1
cat "$TMP"/answers.* | sort -n >"$TMP/answers"

printf '%-8s %8s  %-40s %6s %12s\n' phase requests "answers by status" "slow" "first 200"
for phase in stop kill freeze; do
  from="$(cat "$TMP/mark.$phase")"; up="$(cat "$TMP/mark.$phase-up")"
  case "$phase" in stop) to="$(cat "$TMP/mark.kill")" ;; kill) to="$(cat "$TMP/mark.freeze")" ;; freeze) to="$(cat "$TMP/mark.end")" ;; esac
  awk -v from="$from" -v up="$up" -v to="$to" -v slow="$((REQUEST_TIMEOUT + 5))" -v phase="$phase" '
    $1 >= from && $1 < to {
      n++; count[$3]++
      if ($4 > slow) late++
      if ($3 == "200" && $1 >= up && first == "") first = $1 - up
    }
    END {
      s = ""; for (c in count) s = s c ":" count[c] " "
      printf "%-8s %8d  %-40s %6d %12s\n", phase, n, s, late, (first == "" ? "none" : sprintf("%.1f s", first))
    }' "$TMP/answers"
done
total500="$(awk '$3 ~ /^5/ && $3 != "503"' "$TMP/answers" | wc -l)"
awk '$2 == "POST/person" && $3 == "201" { print $5 }' "$TMP/answers" | sort -u >"$TMP/created"
acknowledged="$(awk '$2 == "POST/person" && $3 == "201"' "$TMP/answers" | wc -l)"
found=0; missing=0
while read -r url; do
  [[ -z "$url" ]] && continue
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]]; then found=$((found + 1)); else missing=$((missing + 1)); fi
done <"$TMP/created"
echo "5xx other than 503: $total500"
echo "creates answered 201: $acknowledged (with $(wc -l <"$TMP/created") distinct Locations); their records found afterwards: $found; missing: $missing"
echo "API log: $(grep -c 'answered 503' "$TMP/api.log" || true) warning lines of 503, $(grep -c '   at ' "$TMP/api.log" || true) stack-trace lines"

echo
echo "Concurrency (healthy cluster):"
# WRITERS clients change one person CHANGES times each; a 412 means someone else's change came first: read again, retry.
PERSON="$(sql "SELECT id FROM persons ORDER BY id LIMIT 1")"
PERSON_URL="$BASE/api/v1/persons/$PERSON"
v0="$(sql "SELECT version FROM persons WHERE id = '$PERSON'")"
one_record_writer() {
  local j try etag code
  for j in $(seq "$CHANGES"); do
    for try in $(seq 200); do
      etag="$(curl -s -D - -o /dev/null "$PERSON_URL" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')"
      code="$(curl -s -o /dev/null --max-time "$CLIENT_TIMEOUT" -w '%{http_code}' -X PATCH "$PERSON_URL" -H "Authorization: Bearer $KEY" \
        -H 'Content-Type: application/merge-patch+json' -H "If-Match: $etag" -d "{\"notes\":\"writer $1, change $j, try $try\"}")"
      echo "$code"
      [[ "$code" == 200 ]] && break
    done
  done
}
pids=()
for w in $(seq "$WRITERS"); do one_record_writer "$w" >"$TMP/one.$w" & pids+=($!); done
wait "${pids[@]}"
ok="$(cat "$TMP"/one.* | grep -c '^200$' || true)"
v1="$(sql "SELECT version FROM persons WHERE id = '$PERSON'")"
history="$(sql "SELECT count(*) || ' entries, versions ' || min(version) || '-' || max(version) || CASE WHEN count(*) = max(version) - min(version) + 1 THEN ', gap-free' ELSE ', GAPS' END FROM changes WHERE record_id = '$PERSON'")"
echo "  $WRITERS writers x $CHANGES changes of one person: $(cat "$TMP"/one.* | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')"
echo "    200s: $ok; versions added: $((v1 - v0)) (asked: $((WRITERS * CHANGES))); history: $history"

# WRITERS identical POSTs at once: with one Idempotency-Key one record, without one a record each.
identical_posts() {
  local w key_header=()
  [[ -n "$2" ]] && key_header=(-H "Idempotency-Key: $2")
  pids=()
  for w in $(seq "$WRITERS"); do
    curl -s -D "$TMP/ip.$1.$w" -o /dev/null --max-time "$CLIENT_TIMEOUT" -w '%{http_code}\n' -X POST "$BASE/api/v1/persons" \
      -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "${key_header[@]}" -d "{\"nameEn\":\"Sent $WRITERS times ($1)\"}" \
      >"$TMP/ipcode.$1.$w" & pids+=($!)
  done
  wait "${pids[@]}"
  echo "  $WRITERS identical POSTs $1: $(cat "$TMP"/ipcode."$1".* | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')records made: $(sql "SELECT count(*) FROM persons WHERE name_en = 'Sent $WRITERS times ($1)'"), Locations answered: $(cat "$TMP"/ip."$1".* | awk 'tolower($1) == "location:" { print $2 }' | sort -u | wc -l)"
}
identical_posts "with one key" "faults-$(date +%s)"
identical_posts "without a key" ""

# MIGRATORS migration jobs at once on an empty database.
sql "CREATE DATABASE migration_race" >/dev/null
RACE_CS="Host=127.0.0.1;Port=$PGPORT;Database=migration_race;Username=postgres"
pids=()
for m in $(seq "$MIGRATORS"); do (ConnectionStrings__Db="$RACE_CS" dotnet "$OUT/Api.dll" migrate >"$TMP/race.$m.log" 2>&1; echo $? >"$TMP/race.$m.rc") & pids+=($!); done
wait "${pids[@]}"
migrations="$(ls "$ROOT/db/migrations"/*.sql | wc -l)"
recorded="$("$PG_BIN/psql" -X -q -tA -h 127.0.0.1 -p "$PGPORT" -U postgres -d migration_race -c "SELECT count(*) || ' recorded, ' || count(DISTINCT name) || ' distinct' FROM schema_migrations")"
echo "  $MIGRATORS migration jobs at once on an empty database: exit codes $(cat "$TMP"/race.*.rc | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')migrations $migrations, $recorded"

mkdir -p "$ROOT/bench/results"
stamp="$(date +%Y-%m-%d-%H%M%S)"
cp "$TMP/answers" "$ROOT/bench/results/faults-answers-$stamp.txt"
cp "$TMP/api.log" "$ROOT/bench/results/faults-api-$stamp.log"
echo "answers and API log: bench/results/faults-{answers,api}-$stamp.*"
