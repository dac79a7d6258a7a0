#!/usr/bin/env bash
# The public report map with 10,000 reports, in Debian's chromium (headless) against the real
# server on localhost: the time from navigation to an interactive map (markers clustered and
# drawn: #region-map[data-reports=N][data-markers]), over RUNS fresh browser contexts (no
# cache), p50 and max; and on the server side the map feed against the GeoJSON export of the
# same reports (time and bytes, plain and gzip).
# Baseline in the same sitting: the same page for a filter that matches no report (the page,
# Leaflet, the region and its boundaries, without the reports); the note reports the ratio.
# Budget (issue): interactive in under 2 s with 10,000 public reports.
#
# Needs the demo region (scripts/run installs the area data; boundaries from ../shared/data),
# web/dist (scripts/build-web) and tests/web/node_modules (playwright-core).
# Env: BIN, DIST (web/dist), REPORTS (10000), RUNS (7), KEEP=1.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN=${BIN:-$ROOT/build/test/src/app/kotacerdas}
DIST=${DIST:-$ROOT/web/dist}
REPORTS=${REPORTS:-10000}
RUNS=${RUNS:-7}
log() { printf '[%s map_bench] %s\n' "$(date +%T)" "$*" >&2; }
[ -x "$BIN" ] || { echo "build first: $BIN" >&2; exit 1; }
[ -f "$DIST/index.html" ] || { echo "build the web app first: scripts/build-web" >&2; exit 1; }
[ -d "$ROOT/tests/web/node_modules/playwright-core" ] ||
  npm ci --prefix "$ROOT/tests/web" --no-audit --no-fund --loglevel=error >&2
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >&2
work=$(mktemp -d "$ROOT/build/map-bench.XXXXXX")
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
data=$work/data

log "demo region and $REPORTS reports"
"$BIN" migrate --data-dir "$data" >/dev/null
"$BIN" demo --data-dir "$data" >"$work/demo.log"
grep -q "71.71" <(sqlite3 "$data/kotacerdas.db" "SELECT code FROM regions") ||
  { echo "the demo region is missing (area data?): see $work/demo.log" >&2; exit 1; }
sqlite3 "$data/kotacerdas.db" ".parameter set :n $REPORTS" ".read $ROOT/bench/reports/generate_reports.sql"
public=$(sqlite3 "$data/kotacerdas.db" "SELECT count(*) FROM reports WHERE region_code='71.71' AND is_public=1")
echo "public_reports: $public"

"$BIN" serve --port 0 --port-file "$work/port" --data-dir "$data" --access-log off \
  --web-dir "$DIST" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"

feed() {  # path, label: median of 5 fetches (time) and the size plain and gzip
  local path=$1 label=$2 times=() size gz
  for _ in 1 2 3 4 5; do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H 'Accept-Encoding: gzip' "$base$path")")
  done
  size=$(curl -sf "$base$path" | wc -c)
  gz=$(curl -sf -H 'Accept-Encoding: gzip' "$base$path" | wc -c)
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" 'NR==3{printf "%s_ms: %.1f ms\n", l, $1*1000}'
  echo "${label}_bytes: $size bytes"
  echo "${label}_gzip_bytes: $gz bytes"
}
feed /api/v1/regions/manado/reports/map-points map_points
feed /api/v1/regions/manado/reports/export.geojson geojson_export

log "browser: $RUNS runs each"
NODE_PATH="$ROOT/tests/web/node_modules" BASE=$base RUNS=$RUNS EXPECT=$public \
  node "$HERE/map_bench.mjs"
