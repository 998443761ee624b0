#!/usr/bin/env bash
# bench/writeload.sh: creates of a meeting with two delegations of three members each, over HTTP, against the
# cluster a `KEEP=1 bench/compare.sh` run left running: the latency for one client (median, p95, p99), then the
# creates per second at CONNECTIONS clients, then a check that the change log holds one change per meeting made,
# with no gap in its sequence. It starts its own API (Release) with a key of its own; the meetings it makes stay
# in the cluster (titled "writeload …"). See bench/README.md ("Writes").
#
#   KEEP=1 N=100000 bench/compare.sh   (once)   then   bench/writeload.sh
#
# Environment:
#   PGPORT       port of the cluster (default 25440, compare.sh's); the database is "diplomacy"
#   API_PORT     port of the API this script starts (default 25482)
#   DURATION     of each wrk run (default 10s), after a WARMUP run (30s) at CONNECTIONS clients (default 16); THREADS (2)
#   CS_EXTRA     appended to the API's connection string
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PGPORT="${PGPORT:-25440}"
API_PORT="${API_PORT:-25482}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
CS="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres${CS_EXTRA:+;$CS_EXTRA}"
OUT="$ROOT/src/Api/bin/Release/net10.0"
TMP="$(mktemp -d)"
API_PID=""

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
source "$ROOT/bench/cluster.sh"
find_pg_bin
for tool in dotnet wrk curl awk; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y wrk curl)"; done
cleanup() {
  [[ -n "$API_PID" ]] && { kill -TERM "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
  rm -rf "$TMP"
}
trap cleanup EXIT

sql "SELECT 1" >/dev/null 2>&1 || die "no bench database answers on port $PGPORT (run KEEP=1 bench/compare.sh first)"
! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$API_PORT/" || die "something already answers on port $API_PORT"

dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; die "API build failed"; }
ConnectionStrings__Db="$CS" dotnet "$OUT/Api.dll" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migration job failed"; }
key_out="$(dotnet "$OUT/Api.dll" key writeload)"
KEY="$(awk '$1 == "Key:" { print $2 }' <<<"$key_out")"
HASH="$(awk '$1 == "Hash:" { print $2 }' <<<"$key_out")"
(cd "$OUT" && ConnectionStrings__Db="$CS" ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" \
  ApiKeys__0__Name=writeload ApiKeys__0__Hash="$HASH" ApiKeys__0__Scopes=read,write \
  RateLimits__Writes__PermitLimit=100000000 exec dotnet Api.dll >"$TMP/api.log" 2>&1) &
API_PID=$!
for _ in $(seq 600); do curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/live" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/live" || { cat "$TMP/api.log"; die "the API did not start"; }

# A body that names records of the generated data: one topic, one source, six persons in two delegations.
TOPIC="$(sql "SELECT id FROM topics ORDER BY id LIMIT 1")"
SOURCE="$(sql "SELECT id FROM sources ORDER BY id LIMIT 1")"
mapfile -t P < <(sql "SELECT id FROM persons ORDER BY id LIMIT 6")
[[ -n "$TOPIC" && -n "$SOURCE" && ${#P[@]} -eq 6 ]] || die "the database lacks the topics, sources or persons the body needs"
member() { printf '{"personId":"%s","isHead":%s,"titleEn":"Minister"}' "$1" "$2"; }
BODY="$(printf '{"titleEn":"writeload meeting","titleAr":"اجتماع","startDate":"2024-03-12","startDatePrecision":"day","status":"held","format":"bilateral","countryCode":"NER","hostCountryCode":"NER","topicIds":["%s"],"sourceIds":["%s"],"delegations":[{"role":"host","countryCode":"NER","members":[%s,%s,%s]},{"role":"guest","countryCode":"LBY","members":[%s,%s,%s]}]}' \
  "$TOPIC" "$SOURCE" "$(member "${P[0]}" true)" "$(member "${P[1]}" false)" "$(member "${P[2]}" false)" \
  "$(member "${P[3]}" true)" "$(member "${P[4]}" false)" "$(member "${P[5]}" false)")"
code="$(curl -s -o "$TMP/first.json" -w '%{http_code}' -X POST "http://127.0.0.1:$API_PORT/api/v1/meetings" \
  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data-binary "$BODY")"
[[ "$code" == 201 ]] || { cat "$TMP/first.json"; die "a create answered $code"; }

lua() {
  cat > "$TMP/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.body = [==[$BODY]==]
EOF
}
lua
# run <connections> → "req/s p50_ms p90_ms p99_ms non2xx requests"
run() {
  local out
  out="$(wrk -t"$(( $1 < THREADS ? $1 : THREADS ))" -c"$1" -d"$DURATION" --latency -s "$TMP/post.lua" "http://127.0.0.1:$API_PORT/api/v1/meetings" 2>&1)"
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
       /Non-2xx/ { bad = $NF } / requests in / { n = $1 }
       END { printf "%.0f %.2f %.2f %.2f %d %d\n", rps, p50, p90, p99, bad, n }' <<<"$out"
}

# Warm-up, not reported: the API's code is still being compiled (tiered JIT) for its first seconds, and the
# pool's connections prepare their statements on their fifth use.
DURATION="${WARMUP:-30s}" run "$CONNECTIONS" >/dev/null
before="$(sql "SELECT coalesce(max(seq), 0) FROM changes")"
printf 'bench/writeload.sh  %s  commit %s  %s cores  load average %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" \
  "$(git rev-parse --short HEAD)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %s meetings in the cluster; synchronous_commit %s, fsync %s\n' "$(sql "SELECT count(*) FROM meetings")" \
  "$(sql "SHOW synchronous_commit")" "$(sql "SHOW fsync")"
read -r rps p50 p90 p99 bad n1 <<<"$(run 1)"
printf '  1 client:   %6s creates/s   median %s ms   p90 %s ms   p99 %s ms   non-2xx %s\n' "$rps" "$p50" "$p90" "$p99" "$bad"
read -r rps p50 p90 p99 bad n2 <<<"$(run "$CONNECTIONS")"
printf '  %s clients: %6s creates/s   median %s ms   p90 %s ms   p99 %s ms   non-2xx %s\n' "$CONNECTIONS" "$rps" "$p50" "$p90" "$p99" "$bad"

# Every create answered made one change, and the sequence has no hole: a reader of the feed missed nothing. (wrk
# stops with requests in flight: those may commit without being counted as answered.)
read -r made logged first last <<<"$(sql "SELECT (SELECT count(*) FROM changes WHERE seq > $before AND resource = 'meetings' AND kind = 'created'),
  count(*), min(seq), max(seq) FROM changes WHERE seq > $before" | tr '|' ' ')"
printf '  change log: %s requests sent, %s creates logged, %s changes in seq %s..%s (%s)\n' "$(( n1 + n2 ))" "$made" "$logged" "$first" "$last" \
  "$([[ $(( last - first + 1 )) -eq $logged ]] && echo 'no gap' || echo 'GAPS')"
