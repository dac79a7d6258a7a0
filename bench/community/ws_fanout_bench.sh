#!/usr/bin/env bash
# WebSocket fan-out: CLIENTS (default 5000) WebSocket clients on one channel of one region, then
# MESSAGES (default 5) messages posted over HTTP; prints delivery latency p50/p99/max from the
# POST to each client's frame (the durable commit included) and the server's memory per client.
#
#   bench/community/ws_fanout_bench.sh [path/to/kotacerdas]    (default: build/release)
#
# Starts its own server on a free port in a temp folder, stops it by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-build/release/src/app/kotacerdas}")
CLIENTS=${CLIENTS:-5000}
MESSAGES=${MESSAGES:-5}
tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

c++ -O2 -std=c++20 -Wall -o "$tmp/client" bench/community/ws_fanout_bench.cpp
mkdir -p "$tmp/areas"
printf 'code,name\n71,Sulawesi Utara\n' > "$tmp/areas/provinces.csv"
printf 'code,province_code,name\n71.71,71,Kota Manado\n' > "$tmp/areas/regencies.csv"
printf 'code,regency_code,name\n71.71.01,71.71,Bunaken\n' > "$tmp/areas/districts.csv"
printf 'code,district_code,name\n71.71.01.1001,71.71.01,Molas\n' > "$tmp/areas/villages.csv"
data=(--data-dir "$tmp/data")
"$BIN" areas import --source "$tmp/areas" "${data[@]}" >/dev/null
"$BIN" region add 71.71 "${data[@]}" >/dev/null
"$BIN" user add --name "Admin Bench" --email admin@bench.id --password Bench-Sandi-2026 \
  --role region_admin --region 71.71 "${data[@]}" >/dev/null

ulimit -n $((CLIENTS + 1000))
"$BIN" serve "${data[@]}" --port 0 --port-file "$tmp/port" --access-log off \
  --max-connections $((CLIENTS + 100)) > "$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")
base="http://127.0.0.1:$port/api/v1/regions/71.71"
token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"login":"admin@bench.id","password":"Bench-Sandi-2026"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | jq -r .token)
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
curl -sf "${auth[@]}" -d '{"name":"Agen Bench","kecamatan_code":"71.71.01"}' "$base/agents" >/dev/null
channel=$(curl -sf "${auth[@]}" "$base/channels" | jq -r '.items[] | select(.slug=="agen") | .id')
echo "server pid $pid port $port channel $channel; clients $CLIENTS, messages $MESSAGES" >&2
"$tmp/client" "$port" "/api/v1/regions/71.71/channels/$channel/ws" \
  "/api/v1/regions/71.71/channels/$channel/messages" "$token" "$CLIENTS" "$MESSAGES" "$pid"
