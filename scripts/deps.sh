# Shared by scripts/run and scripts/test: installs the Debian packages the build needs, only
# those missing, so a second run costs a dpkg query. Source it; it defines kc_install_deps.

KC_BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libgeos-dev libgeos++-dev libsodium-dev libspdlog-dev libcli11-dev
  prometheus-cpp-dev
)
KC_TEST_PACKAGES=(libgtest-dev libgmock-dev libbenchmark-dev)
KC_WEB_PACKAGES=(nodejs npm)

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

# kc_build DIR BUILD_TYPE [cmake args...]: configures once, then builds with ninja.
kc_build() {
  local dir=$1 type=$2
  shift 2
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >&2
  fi
  ninja -C "$dir" -j"${KC_JOBS:-2}" >&2
}
