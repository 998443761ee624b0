#!/usr/bin/env bash
# bench/snapshot.sh DIR: what the API answers, saved to compare across a refactor. A throwaway cluster with the
# seed records, the API (Release, built from this tree into its own folder), then the OpenAPI document and about
# 60 requests — reads, exports, problems, and writes that change nothing (unchanged PUT and PATCH, refusals) —
# each saved as status line, headers and body. Values that differ from run to run (Date, traceId, change times,
# and the ETags of the pages that show them) are masked.
#
#   bench/snapshot.sh /tmp/before      (change the code)      bench/snapshot.sh /tmp/after
#   diff -r /tmp/before /tmp/after
#
# Environment: PGPORT (default 25470), API_PORT (default 25490).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTDIR="${1:?usage: bench/snapshot.sh DIR}"
PGPORT="${PGPORT:-25470}"
API_PORT="${API_PORT:-25490}"
WORK="$(mktemp -d)"
PGROOT="$WORK/pg"
BUILD="$WORK/build"
PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin | sort -V | tail -n 1)"
API_PID=""
BASE="http://127.0.0.1:$API_PORT"

pg() {
  local tool="$1"; shift
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$tool" "$@"; else "$PG_BIN/$tool" "$@"; fi
}
cleanup() {
  [[ -n "$API_PID" ]] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  pg pg_ctl -D "$PGROOT/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A server already on the API's port would answer in place of the one started here, silently.
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "snapshot.sh: something already answers on $BASE; stop it or set API_PORT" >&2
  exit 1
fi
mkdir -p "$PGROOT" "$OUTDIR"
chmod 755 "$WORK"
[[ $EUID -eq 0 ]] && chown postgres:postgres "$PGROOT"
pg initdb -D "$PGROOT/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pg pg_ctl -D "$PGROOT/data" -l "$PGROOT/log" -w -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGROOT -c fsync=off" start >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres diplomacy

dotnet publish "$ROOT/src/Api" -c Release -o "$BUILD" -nologo -v quiet >/dev/null
export ConnectionStrings__Db="Host=127.0.0.1;Port=$PGPORT;Database=diplomacy;Username=postgres"
(cd "$BUILD" && dotnet Api.dll migrate >/dev/null)

KEY_OUT="$(cd "$BUILD" && dotnet Api.dll key snapshot --scopes read,write)"
KEY="$(awk '/Key:/ {print $2; exit}' <<<"$KEY_OUT")"
HASH="$(awk '/Hash:/ {print $2; exit}' <<<"$KEY_OUT")"
(cd "$BUILD" && ApiKeys__0__Name=snapshot ApiKeys__0__Hash="$HASH" ApiKeys__0__Scopes=read,write \
  ASPNETCORE_URLS="$BASE" exec dotnet Api.dll >"$WORK/api.log" 2>&1) &
API_PID=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break; sleep 0.5; done

MEETING=8993f035-d477-55a1-abb3-4b6776339b59
ROUNDTABLE=20a8c403-ace2-5fc9-974f-b22d2417f51e
PERSON=92a6f642-cd11-5f44-8d88-2f382b64fc57
AGREEMENT=12523f50-4a36-5fed-8f9c-e64d79b41ab1
DELEGATION=ac36b88e-d64b-5762-88c5-4348e3de0eab
SOURCE=a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5
ORG=2a36b663-fc25-5f72-8ab2-f37e1a5b656f
MISSING=00000000-0000-0000-0000-000000000001

n=0
# save NAME CURL-ARGS...: one response, normalised.
save() {
  local name="$1"; shift
  n=$((n + 1))
  local file="$OUTDIR/$(printf '%03d' $n)-$name.txt"
  printf '%s\n' "curl ${*//$KEY/KEY}" >"$file"
  curl -sS -D "$WORK/headers" -o "$WORK/body" "$@" || true
  tr -d '\r' <"$WORK/headers" | grep -viE '^(date|server|transfer-encoding):' >>"$file"
  # Tools read bytes; keep the body exact but for run-dependent values.
  sed -E -e 's/"traceId":"[^"]*"/"traceId":"*"/g' \
         -e 's/"changedAt":"[^"]*"/"changedAt":"*"/g' "$WORK/body" >>"$file"
  if grep -q '"changedAt"' "$WORK/body"; then sed -i -E -e 's/^(etag): .*/\1: */I' -e 's/^(content-length): .*/\1: */I' "$file"; fi
  printf '\n' >>"$file"
}
J=(-H 'Content-Type: application/json')
K=(-H "X-Api-Key: $KEY")

save openapi "$BASE/swagger/v1/swagger.json"
save health-live "$BASE/health/live"
save health-ready "$BASE/health/ready"
# Meetings
save meetings "$BASE/api/v1/meetings"
save meetings-ner-day "$BASE/api/v1/meetings?country=NER&from=2019-01-29&to=2019-01-29&limit=1"
save meetings-countries "$BASE/api/v1/meetings?countries=LBY,NER&from=2019-01-01&to=2019-12-31&count=exact"
save meetings-q "$BASE/api/v1/meetings?q=%D8%A8%D8%A7%D8%B2%D9%88%D9%85"
save meetings-q-fuzzy "$BASE/api/v1/meetings?q=Bazum&sort=relevance"
save meetings-include "$BASE/api/v1/meetings?include=delegations,agreements,sources,topics&sort=-startDate,title&limit=2"
save meetings-estimated "$BASE/api/v1/meetings?count=estimated&status=held&format=bilateral"
save meetings-csv "$BASE/api/v1/meetings?format=csv&bom=true"
save meetings-accept-csv -H 'Accept: text/csv' "$BASE/api/v1/meetings?topic=border-security"
save meetings-ndjson "$BASE/api/v1/meetings?format=ndjson&city=niamey"
save meetings-geojson "$BASE/api/v1/meetings?format=geojson&limit=2"
save meeting "$BASE/api/v1/meetings/$MEETING"
save meeting-304 -H 'If-None-Match: *' "$BASE/api/v1/meetings/$MEETING"
save meeting-delegations "$BASE/api/v1/meetings/$MEETING/delegations"
save meeting-history "$BASE/api/v1/meetings/$MEETING/history"
save meeting-404 "$BASE/api/v1/meetings/$MISSING"
save meeting-400-id "$BASE/api/v1/meetings/not-a-guid"
save meetings-400 "$BASE/api/v1/meetings?country=XXX&limit=0&sort=nope&include=x"
save meetings-400-unknown "$BASE/api/v1/meetings?colour=red"
save meetings-400-relevance "$BASE/api/v1/meetings?sort=relevance"
save meetings-400-cursor "$BASE/api/v1/meetings?cursor=abc"
save meetings-400-format "$BASE/api/v1/meetings?format=xml&format=csv&format=ndjson"
save meetings-page2 "$BASE/api/v1/meetings?limit=1&cursor=eyJLZXkiOiJbXCJzdGFydERhdGVcIixcIjIwMTktMDEtMjhcIl0iLCJJZCI6IjIwYThjNDAzLWFjZTItNWZjOS05NzRmLWIyMmQyNDE3ZjUxZSJ9"
# Other resources
save delegations "$BASE/api/v1/delegations?country=LBY&sort=-startDate,role&count=exact"
save delegations-csv "$BASE/api/v1/delegations?format=csv"
save delegation "$BASE/api/v1/delegations/$DELEGATION"
save delegations-400 "$BASE/api/v1/delegations?sort=relevance&count=all"
save agreements "$BASE/api/v1/agreements?parties=LBY,NER&count=exact"
save agreements-q "$BASE/api/v1/agreements?q=%D8%A8%D8%A7%D8%B4%D8%A7%D8%BA%D8%A7"
save agreements-ndjson "$BASE/api/v1/agreements?format=ndjson&sort=-date,title"
save agreement "$BASE/api/v1/agreements/$AGREEMENT"
save agreement-history "$BASE/api/v1/agreements/$AGREEMENT/history?limit=1"
save agreements-400 "$BASE/api/v1/agreements?parties=LBY,LBY&kind=x&from=2020-01-01&to=2019-01-01"
save persons "$BASE/api/v1/persons?q=%D8%A3%D8%A8%D9%88%D8%B9%D8%B2%D9%88%D9%85"
save persons-country "$BASE/api/v1/persons?country=NER&count=exact&limit=2"
save persons-csv "$BASE/api/v1/persons?format=csv"
save person "$BASE/api/v1/persons/$PERSON"
save organizations "$BASE/api/v1/organizations?country=LBY&sort=-name"
save organization "$BASE/api/v1/organizations/$ORG"
save source "$BASE/api/v1/sources/$SOURCE"
save sources-405 "$BASE/api/v1/sources"
save topics "$BASE/api/v1/topics?limit=3"
save topics-ndjson "$BASE/api/v1/topics?format=ndjson"
save topic "$BASE/api/v1/topics/border-security"
save topic-history "$BASE/api/v1/topics/border-security/history"
save countries "$BASE/api/v1/countries?limit=5"
save country "$BASE/api/v1/countries/ner"
save country-400 "$BASE/api/v1/countries/NE"
save changes "$BASE/api/v1/changes?resource=meetings&limit=2"
save changes-400 "$BASE/api/v1/changes?after=x&limit=0"
save stats-month "$BASE/api/v1/stats/meetings?groupBy=month&country=NER&from=2019-01-01&to=2019-12-31"
save stats-country-csv "$BASE/api/v1/stats/meetings?groupBy=country&format=csv&bom=true"
save stats-400 "$BASE/api/v1/stats/meetings?groupBy=month&from=1000-01-01&to=2019-01-01"
save stats-406 "$BASE/api/v1/stats/meetings?groupBy=topic&format=ndjson"
save partners "$BASE/api/v1/countries/NER/partners?from=2019-01-01&to=2019-12-31"
save partners-csv -H 'Accept: text/csv' "$BASE/api/v1/countries/LBY/partners"
save partners-404 "$BASE/api/v1/countries/XXX/partners"
# Writes that change nothing, and refusals
MEETING_BODY="$(curl -sS "$BASE/api/v1/meetings/$MEETING/history" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["items"][-1]["after"], ensure_ascii=False))')"
MEETING_ETAG="$(curl -sS -D - -o /dev/null "$BASE/api/v1/meetings/$MEETING" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"
save post-401 -X POST "${J[@]}" -d '{}' "$BASE/api/v1/meetings"
save post-400 -X POST "${J[@]}" "${K[@]}" -d '{"titleEn":"","startDate":"2019-13-01","colour":1}' "$BASE/api/v1/meetings"
save post-400-empty -X POST "${J[@]}" "${K[@]}" "$BASE/api/v1/persons"
save post-415 -X POST -H 'Content-Type: text/plain' "${K[@]}" -d 'x' "$BASE/api/v1/topics"
save post-409 -X POST "${J[@]}" "${K[@]}" -d '{"code":"border-security","labelEn":"x","labelAr":"س"}' "$BASE/api/v1/topics"
save put-428 -X PUT "${J[@]}" "${K[@]}" -d "$MEETING_BODY" "$BASE/api/v1/meetings/$MEETING"
save put-412 -X PUT "${J[@]}" "${K[@]}" -H 'If-Match: "999.x"' -d "$MEETING_BODY" "$BASE/api/v1/meetings/$MEETING"
save put-unchanged -X PUT "${J[@]}" "${K[@]}" -H "If-Match: $MEETING_ETAG" -d "$MEETING_BODY" "$BASE/api/v1/meetings/$MEETING"
save patch-unchanged -X PATCH -H 'Content-Type: application/merge-patch+json' "${K[@]}" -H 'If-Match: *' -d '{}' "$BASE/api/v1/meetings/$MEETING"
save patch-400 -X PATCH -H 'Content-Type: application/merge-patch+json' "${K[@]}" -H 'If-Match: *' -d '{"status":"over"}' "$BASE/api/v1/persons/$PERSON"
save delete-409 -X DELETE "${K[@]}" -H 'If-Match: *' "$BASE/api/v1/topics/border-security"
save delete-404 -X DELETE "${K[@]}" -H 'If-Match: *' "$BASE/api/v1/sources/$MISSING"
save delegation-put-428 -X PUT "${J[@]}" "${K[@]}" -d '{}' "$BASE/api/v1/delegations/$DELEGATION"
save delegation-post-400 -X POST "${J[@]}" "${K[@]}" -d '{"role":"boss"}' "$BASE/api/v1/delegations"
save delegation-post-400-meeting -X POST "${J[@]}" "${K[@]}" -d '{"meetingId":"'$MISSING'","role":"host","countryCode":"NER","members":[]}' "$BASE/api/v1/delegations"

echo "$n responses in $OUTDIR"
