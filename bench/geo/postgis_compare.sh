#!/usr/bin/env bash
# postgis_compare.sh [DATASET] — our AreaIndex vs PostGIS ST_Contains (GiST) on the same dataset,
# measured in one sitting (the machine varies 20-40 % between runs: only same-sitting ratios
# count). Runs ../shared/bench-peers/postgis_pip.sh (relative to the repository root; it installs
# PostgreSQL/PostGIS on first use and is time-boxed) and then geo_lookup_bench, and prints the
# ratio of our 2-thread lookups/s to PostGIS's 2-client lookups/s for the "inside" and "bbox"
# cases. Target: >= 50x.
#
# DATASET defaults to ../shared/data/boundaries/id-kecamatan.geojson. The benchmark binary is
# $GEO_BENCH or build/geo-release/bench/geo/geo_lookup_bench (build it in Release first:
#   cmake -S . -B build/geo-release -G Ninja -DCMAKE_BUILD_TYPE=Release &&
#   ninja -C build/geo-release -j2 geo_lookup_bench).
# Note: PostGIS's "bbox" points are uniform in the dataset's extent, ours in 95..141 E, 11 S..6 N;
# for the nationwide file these are nearly the same box (compare the printed hit rates).
# Output: `name: value unit` lines. Skips (exit 0) when the peer script or dataset is absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEER="$ROOT/../shared/bench-peers/postgis_pip.sh"
DATA="${1:-$ROOT/../shared/data/boundaries/id-kecamatan.geojson}"
BENCH="${GEO_BENCH:-$ROOT/build/geo-release/bench/geo/geo_lookup_bench}"

if [ ! -f "$PEER" ]; then echo "skipped: no PostGIS peer script at $PEER"; exit 0; fi
if [ ! -r "$DATA" ]; then echo "skipped: dataset $DATA not found"; exit 0; fi
if [ ! -x "$BENCH" ]; then echo "error: $BENCH not built (see the header of $0)" >&2; exit 1; fi

value() { # value NAME_REGEX TEXT -> the number after "NAME: "
  awk -v re="^$1: " '$0 ~ re {print $2; exit}' <<<"$2"
}

echo "[postgis_compare] running PostGIS peer on $DATA (log on stderr)" >&2
peer_out=$(bash "$PEER" "$DATA")
echo "[postgis_compare] running geo_lookup_bench" >&2
ours_out=$("$BENCH" "$DATA")
printf '%s\n' "$peer_out" "$ours_out"

ratio() { # ratio OURS PEER
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'
}
for case in inside bbox; do
  ours=$(value "${case}_lookups_2t" "$ours_out")
  peer=$(value "postgis_pip_[a-z0-9_]*_${case}" "$peer_out")
  if [ -z "$ours" ] || [ -z "$peer" ]; then
    echo "ratio_${case}_2t_vs_postgis: n/a x"
  else
    echo "ratio_${case}_2t_vs_postgis: $(ratio "$ours" "$peer") x"
  fi
done
