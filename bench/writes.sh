#!/usr/bin/env bash
# Times the write path over HTTP: N creates of a meeting with two delegations, then N merge-patches and
# N retirements of them, one at a time, and prints the median and 95th-percentile latency of each.
# Needs a running API and a key with the write scope whose rate limit allows 3N writes, e.g.:
#   out=$(dotnet run --project src/Api -- key bench) ; export ApiKeys__0__Name=bench ApiKeys__0__Hash=… \
#     ApiKeys__0__Scopes=read,write RateLimits__Writes__PermitLimit=100000 ; ./run.sh
#   API=http://localhost:8080/api/v1 KEY=dmk_… N=300 bench/writes.sh
set -euo pipefail
: "${API:=http://localhost:8080/api/v1}" "${KEY:?set KEY to a key with the write scope}" "${N:=300}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

body='{"titleEn":"Bench meeting","startDate":"2019-03-12","startDatePrecision":"day","status":"held","format":"bilateral",
 "countryCode":"TCD","hostCountryCode":"TCD","topicIds":["cc4055c1-4eb8-5c7d-bc07-c5b351f2428b"],
 "sourceIds":["a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5"],
 "delegations":[{"role":"host","countryCode":"TCD","members":[]},
  {"role":"guest","countryCode":"LBY","members":[{"personId":"dfdb5335-b64f-5b2f-bc76-e729d9147d25","isHead":true,"titleEn":"Undersecretary"}]}]}'

header() { grep -i "^$1:" "$2" | cut -d' ' -f2- | tr -d '\r'; }
stats() { sort -n "$tmp/$1" | awk -v name="$1" '{ t[NR] = $1 } END { printf "%-7s n=%d  median %.1f ms  p95 %.1f ms\n", name, NR, t[int((NR + 1) / 2)] * 1000, t[int(NR * 0.95)] * 1000 }'; }

for i in $(seq "$N"); do
  curl -s -o /dev/null -D "$tmp/h$i" -w '%{time_total}\n' -X POST "$API/meetings" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$body" >> "$tmp/create"
done
for i in $(seq "$N"); do
  curl -s -o /dev/null -D "$tmp/p$i" -w '%{time_total}\n' -X PATCH "$(header location "$tmp/h$i")" \
    -H "Authorization: Bearer $KEY" -H "If-Match: $(header etag "$tmp/h$i")" \
    -H 'Content-Type: application/merge-patch+json' -d "{\"titleEn\":\"Bench meeting $i\"}" >> "$tmp/patch"
done
for i in $(seq "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' -X DELETE "$(header location "$tmp/h$i")" \
    -H "Authorization: Bearer $KEY" -H "If-Match: $(header etag "$tmp/p$i")" >> "$tmp/delete"
done
stats create; stats patch; stats delete
codes=$(grep -h '^HTTP/' "$tmp"/h* "$tmp"/p* | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
echo "statuses of creates and patches: $codes"
