#!/usr/bin/env bash
# Citizen reports at scale: 1 million generated reports in Kota Manado, then, with the server
# (Release or RelWithDebInfo) on a loopback port:
#   1. p50/p99 of filtered JSON lists (status, category, OPD, kecamatan, time range, bbox) and of
#      Open311 GET requests.json (a category or status over the last day, requests by id; and
#      separately the default 90-day window of up to 1,000 requests), at 8 connections, and the
#      saturated rate at 64 connections;
#   2. durable submissions per second: wrk, 64 connections, POST /open311/v2/requests.json with
#      form bodies from ../shared/bench-peers/wrk_post.lua (no photo); every 201 is sent only
#      after the WAL holding the report's commit was fsynced (group commit, one fsync for
#      every commit since the last, overlapping the next batch: src/store/database.h);
#   3. the lists again after those writes;
#   4. the server's resident memory (VmRSS and its peak) with the million reports.
# Peer in the same sitting: sqlite_durable_insert.sh (one durable row per SQLite transaction,
# and 100 rows per transaction) — the submission rate is reported as a ratio to both.
#
# Needs the demo region with its boundaries (../shared/data/boundaries) and the area data
# (scripts/run installs it). Env: BIN, REPORTS (1000000), WRK_DURATION (10s), WRK_CONNS (64),
# SKIP_PEER=1, KEEP=1 (keep the temp folder).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="$ROOT/../shared/bench-peers"
BIN=${BIN:-$ROOT/build/release/src/app/kotacerdas}
REPORTS=${REPORTS:-1000000}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_CONNS=${WRK_CONNS:-64}

log() { printf '[%s reports_bench] %s\n' "$(date +%T)" "$*" >&2; }
[ -x "$BIN" ] || { echo "build first: scripts/run builds $BIN" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -qq wrk >&2
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >&2

work=$(mktemp -d "$ROOT/build/reports-bench.XXXXXX")
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
data=$work/data

# --- peer, first (a quiet machine) ---
peer_full="" peer_group=""
if [ -z "${SKIP_PEER:-}" ] && [ -x "$PEERS/sqlite_durable_insert.sh" ]; then
  log "peer: sqlite_durable_insert.sh"
  peer_out=$(cd "$work" && SQLITE_SECS=10 "$PEERS/sqlite_durable_insert.sh" 2>/dev/null || true)
  echo "$peer_out" | grep -E '^[a-z0-9_]+: -?[0-9.]+ [^ ]+$' | sed 's/^/peer_/'
  peer_full=$(echo "$peer_out" | awk '/^sqlite_wal_full_1row_txn:/{print $2}')
  peer_group=$(echo "$peer_out" | awk '/^sqlite_wal_full_100row_txn:/{print $2}')
fi

# --- data ---
log "demo region"
"$BIN" migrate --data-dir "$data" >/dev/null
"$BIN" demo --data-dir "$data" >"$work/demo.log"
grep -q "71.71" <(sqlite3 "$data/kotacerdas.db" "SELECT code FROM regions") ||
  { echo "the demo region is missing (area data?): see $work/demo.log" >&2; exit 1; }
log "generating $REPORTS reports"
start=$(date +%s.%N)
sqlite3 "$data/kotacerdas.db" ".parameter set :n $REPORTS" ".read $HERE/generate_reports.sql"
echo "generate_seconds: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}') s"
echo "db_size: $(du -m "$data/kotacerdas.db" | cut -f1) MB"
key=$("$BIN" apikey add --region 71.71 --name bench --data-dir "$data" | tail -1)
codes=$(sqlite3 "$data/kotacerdas.db" \
  "SELECT group_concat(code) FROM report_categories WHERE region_code='71.71' AND attributes='[]'")

# --- server ---
"$BIN" serve --port 0 --port-file "$work/port" --data-dir "$data" --access-log "$work/access.log" \
  --web-dir "$work/none" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
base="http://127.0.0.1:$port"

latency() {  # wrk output -> "p50 p99" in ms
  awk '$1=="50%"||$1=="99%"{v=$2; u=v; gsub(/[0-9.]/,"",u); n=v+0; if(u=="us")n/=1000; else if(u=="s")n*=1000; printf "%.3f ", n}'
}

# queries: the paths
kecs=$(sqlite3 "$data/kotacerdas.db" "SELECT code FROM areas WHERE level='kecamatan' AND code LIKE '71.71.%'")
cats=$(sqlite3 "$data/kotacerdas.db" "SELECT code FROM report_categories WHERE region_code='71.71'")
opds=$(sqlite3 "$data/kotacerdas.db" "SELECT id FROM opds WHERE region_code='71.71'")
since=$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)
list=$work/list_paths
open311=$work/open311_paths
: >"$list"; : >"$open311"
for s in diterima diproses selesai; do
  for c in $cats; do echo "/api/v1/regions/manado/reports?status=$s&category=$c&limit=20"; done
done >>"$list"
for k in $kecs; do echo "/api/v1/regions/manado/reports?kecamatan=$k&status=diterima&limit=50"; done >>"$list"
for o in $opds; do echo "/api/v1/regions/manado/reports?opd_id=$o&limit=20"; done >>"$list"
for i in $(seq 20); do
  lon=$(awk -v i="$i" 'BEGIN{printf "%.3f", 124.80 + (i % 10) * 0.012}')
  lat=$(awk -v i="$i" 'BEGIN{printf "%.3f", 1.45 + int(i / 10) * 0.05}')
  echo "/api/v1/regions/manado/reports?bbox=$lon,$lat,$(awk -v x="$lon" 'BEGIN{print x+0.01}'),$(awk -v y="$lat" 'BEGIN{print y+0.01}')&limit=50"
  echo "/api/v1/regions/manado/reports?from=$since&limit=50"
done >>"$list"
# Open311: what a city dashboard polls (a category or status over the last day, one request
# by id), and separately the default window (90 days, up to 1,000 requests per answer).
day=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)
for c in $cats; do
  echo "/open311/v2/requests.json?jurisdiction_id=manado&service_code=$c&start_date=$day"
  echo "/open311/v2/requests.json?jurisdiction_id=manado&service_code=$c&status=open&start_date=$day"
done >>"$open311"
sqlite3 "$data/kotacerdas.db" "SELECT tracking FROM reports ORDER BY random() LIMIT 100" |
  sed 's|^|/open311/v2/requests.json?jurisdiction_id=manado\&service_request_id=|' >>"$open311"
open311_bulk=$work/open311_bulk_paths
for c in $cats; do echo "/open311/v2/requests.json?jurisdiction_id=manado&service_code=$c"; done >"$open311_bulk"
run_queries() {  # connections, name suffix, query sets...
  local conns=$1 suffix=$2
  shift 2
  for name in "$@"; do
    file=$work/${name}_paths
    log "queries: $name$suffix ($(wc -l <"$file") distinct, $conns connections)"
    curl -sf -o /dev/null "$base$(head -1 "$file")" || { echo "query failed: $(head -1 "$file")" >&2; exit 1; }
    PATHS_FILE=$file wrk -t2 -c"$conns" -d2s -s "$HERE/wrk_get_pool.lua" "$base" >/dev/null
    out=$(PATHS_FILE=$file wrk -t2 -c"$conns" -d"$WRK_DURATION" --latency -s "$HERE/wrk_get_pool.lua" "$base")
    read -r q50 q99 <<<"$(echo "$out" | latency)"
    echo "${name}${suffix}_rps: $(echo "$out" | awk '/^Requests\/sec/{printf "%.0f", $2}') req/s"
    echo "${name}${suffix}_p50: $q50 ms"
    echo "${name}${suffix}_p99: $q99 ms"
    non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
    if [ -n "$non2xx" ]; then echo "${name}${suffix}_non2xx: $non2xx responses"; fi
  done
}

# 1. queries on the million reports: latency at a dashboard-like 8 connections, then the
# saturated rate at 64 (where p50 is mostly queueing: 64 / rate).
log "warming the page cache"
cat "$data/kotacerdas.db" >/dev/null
run_queries 8 "" list open311 open311_bulk
run_queries "$WRK_CONNS" "_c$WRK_CONNS" list open311

# 2. durable submissions
log "durable submissions (Open311 POST, $WRK_CONNS connections)"
post=$(OPEN311_SERVICE_CODES="$codes" OPEN311_API_KEY="$key" OPEN311_JURISDICTION=manado \
  OPEN311_BBOX="124.83,1.45,124.89,1.53" \
  wrk -t2 -c"$WRK_CONNS" -d"$WRK_DURATION" --latency -s "$PEERS/wrk_post.lua" "$base/open311/v2/requests.json")
rps=$(echo "$post" | awk '/^Requests\/sec/{printf "%.0f", $2}')
read -r p50 p99 <<<"$(echo "$post" | latency)"
echo "$post" | grep -E '^status [0-9]+:' | sed 's/^/submit_/' >&2
ratio=$(echo "$post" | awk '/open311_post_2xx_ratio/{print $2}')
echo "submit_2xx_ratio: $ratio ratio"
echo "submit_rps: $rps req/s"
echo "submit_p50: $p50 ms"
echo "submit_p99: $p99 ms"
[ -z "$peer_full" ] || echo "submit_vs_sqlite_1row_txn: $(awk -v a="$rps" -v b="$peer_full" 'BEGIN{printf "%.2f", a/b}') ratio"
[ -z "$peer_group" ] || echo "submit_vs_sqlite_100row_txn: $(awk -v a="$rps" -v b="$peer_group" 'BEGIN{printf "%.2f", a/b}') ratio"

# 3. the list again, after the submissions (a busy WAL)
run_queries 8 "_after_writes" list

# 4. memory
echo "server_rss: $(awk '/^VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status) MB"
echo "server_rss_peak: $(awk '/^VmHWM/{printf "%.0f", $2/1024}' /proc/$pid/status) MB"
echo "reports_total: $(sqlite3 "$data/kotacerdas.db" "SELECT count(*) FROM reports") reports"
echo "submit_rps: $rps req/s"
