# Shared by scripts/run and scripts/test: installs the Debian packages the build needs, only
# those missing, so a second run costs a dpkg query. Source it; it defines kc_install_deps.

KC_BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libgeos-dev libgeos++-dev libsodium-dev libspdlog-dev libcli11-dev
  prometheus-cpp-dev zlib1g-dev libvips-dev libxlsxwriter-dev libssl-dev libqrencode-dev
)
KC_TEST_PACKAGES=(libgtest-dev libgmock-dev libbenchmark-dev)
KC_WEB_PACKAGES=(nodejs npm)

# kc_install_node: node and npm from Debian unless the machine already has them (a Node.js that
# bundles npm, as NodeSource's does, conflicts with Debian's separate npm package).
kc_install_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  kc_install_deps "${KC_WEB_PACKAGES[@]}"
}

# kc_install_deps PACKAGE... : apt-get installs whichever are not installed yet.
kc_install_deps() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "kotacerdas: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# ccache keys on paths relative to the checkout, so another clone of the same sources (CI's)
# reuses this machine's cache.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}

# kc_build DIR BUILD_TYPE [cmake args...]: configures once, then builds with ninja.
kc_build() {
  local dir=$1 type=$2
  shift 2
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >&2
  fi
  ninja -C "$dir" -j"${KC_JOBS:-2}" >&2
}

# kc_install_areas: the administrative hierarchy (npm idn-area-data, ODbL) into tools/areas,
# which `kotacerdas areas import` and the demo read.
kc_install_areas() {
  if [ ! -f tools/areas/node_modules/idn-area-data/data/villages.csv ]; then
    kc_install_node
    npm ci --prefix tools/areas --no-audit --no-fund --loglevel=error >&2
  fi
}
