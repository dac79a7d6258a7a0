#!/usr/bin/env bash
# HTTP load benchmark of the kotacerdas server against nginx in the same sitting.
#
# Runs nginx_static.sh (../shared/bench-peers, the 1 KB static file peer), then starts
# kotacerdas (Release build) on a free loopback port and loads it with the same wrk shape
# (2 threads, 64 connections, 10 s after a 2 s warm-up) on
#   GET /healthz             (the cheapest route)
#   GET /api/v1/version      (a small JSON read route)
#   GET /api/v1/regions/...  (a JSON read route that touches the database), when a region exists
# with the access log written to a file, as in production. Prints `name: value unit` lines and
# the ratios to nginx. Env: BIN (server binary), WRK_DURATION, WRK_CONNS, SKIP_PEER=1.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="$ROOT/../shared/bench-peers"
BIN=${BIN:-$ROOT/build/release/src/app/kotacerdas}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_CONNS=${WRK_CONNS:-64}

[ -x "$BIN" ] || { echo "build first: scripts/run builds $BIN" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -qq wrk >&2

nginx_rps=""
if [ -z "${SKIP_PEER:-}" ] && [ -x "$PEERS/nginx_static.sh" ]; then
  peer_out=$(NGINX_POST=0 "$PEERS/nginx_static.sh" 2>/dev/null || true)
  echo "$peer_out" | grep -E '^nginx_static_1k_(rps|p99):'
  nginx_rps=$(echo "$peer_out" | awk '/^nginx_static_1k_rps:/{print $2}')
fi

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
data=${BENCH_DATA_DIR:-$work/data}
"$BIN" serve --port 0 --port-file "$work/port" --data-dir "$data" --access-log "$work/access.log" \
  --web-dir "$work/none" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

run() {  # name path
  wrk -t2 -c"$WRK_CONNS" -d2s "http://127.0.0.1:$port$2" >/dev/null
  out=$(wrk -t2 -c"$WRK_CONNS" -d"$WRK_DURATION" --latency "http://127.0.0.1:$port$2")
  rps=$(echo "$out" | awk '/^Requests\/sec/{printf "%.0f", $2}')
  p99=$(echo "$out" | awk '$1=="99%"{v=$2; u=v; gsub(/[0-9.]/,"",u); n=v+0; if(u=="us")n/=1000; else if(u=="s")n*=1000; printf "%.3f", n}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  echo "kotacerdas_$1_rps: $rps req/s"
  echo "kotacerdas_$1_p99: $p99 ms"
  [ -n "$non2xx" ] && echo "kotacerdas_$1_non2xx: $non2xx responses"
  if [ -n "$nginx_rps" ]; then
    echo "kotacerdas_$1_vs_nginx: $(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}') ratio"
  fi
}
run healthz /healthz
run version_json /api/v1/version
if region=$(curl -sf "http://127.0.0.1:$port/api/v1/regions" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4); [ -n "$region" ]; then
  run region_json "/api/v1/regions/$region"
fi
