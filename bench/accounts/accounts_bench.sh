#!/usr/bin/env bash
# Sign-in and authenticated-read throughput of the release binary, next to GET /healthz in the
# same sitting (wrk, 2 threads, loopback):
#   POST /api/v1/auth/login        bounded by argon2id by design (one verification per request)
#   GET  /api/v1/auth/me (Bearer)  an authenticated read: guard + session cache, no hashing
#   GET  /healthz                  the cheapest route (the ceiling)
# Rate limits are scaled up (KOTACERDAS_AUTH_LIMIT_SCALE) so that wrk measures the work, not the
# 429s. Prints `name: value unit` lines and the ratio me/healthz.
# Env: BIN (server binary), WRK_DURATION (10s), WRK_CONNS (64), LOGIN_CONNS (8).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN=${BIN:-$ROOT/build/release/src/app/kotacerdas}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_CONNS=${WRK_CONNS:-64}
LOGIN_CONNS=${LOGIN_CONNS:-8}
[ -x "$BIN" ] || { echo "build first: scripts/run builds $BIN" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -qq wrk >&2

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$BIN" user add --data-dir "$work/data" --name Bench --email bench@bench.id --password Bench-Sandi-2026 >/dev/null
KOTACERDAS_AUTH_LIMIT_SCALE=1000000 "$BIN" serve --port 0 --port-file "$work/port" --data-dir "$work/data" \
  --access-log "$work/access.log" --web-dir "$work/none" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
url="http://127.0.0.1:$port"
body='{"login":"bench@bench.id","password":"Bench-Sandi-2026"}'
token=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$url/api/v1/auth/login" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
[ -n "$token" ] || { echo "login failed" >&2; cat "$work/server.log" >&2; exit 1; }

cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
LUA

run() {  # name conns path [wrk args...]
  local name=$1 conns=$2 path=$3
  shift 3
  wrk -t2 -c"$conns" -d2s "$@" "$url$path" >/dev/null
  out=$(wrk -t2 -c"$conns" -d"$WRK_DURATION" --latency "$@" "$url$path")
  rps=$(echo "$out" | awk '/^Requests\/sec/{printf "%.0f", $2}')
  p99=$(echo "$out" | awk '$1=="99%"{v=$2; u=v; gsub(/[0-9.]/,"",u); n=v+0; if(u=="us")n/=1000; else if(u=="s")n*=1000; printf "%.3f", n}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  echo "kotacerdas_$name: $rps req/s (p99 $p99 ms${non2xx:+, non-2xx $non2xx})"
  eval "rps_$name=$rps"
}
run healthz "$WRK_CONNS" /healthz
run auth_me "$WRK_CONNS" /api/v1/auth/me -H "Authorization: Bearer $token"
run login "$LOGIN_CONNS" /api/v1/auth/login -s "$work/login.lua"
echo "auth_me_vs_healthz: $(awk -v a="$rps_auth_me" -v b="$rps_healthz" 'BEGIN{printf "%.2f", a/b}') ratio"
