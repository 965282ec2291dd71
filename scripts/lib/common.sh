# Shared by scripts/demo, scripts/test and scripts/bench: Debian packages and the build.
# shellcheck shell=bash

MTR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Everything the build, the tests and the demo need from Debian 12.
MTR_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
    qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qtkeychain-qt6-dev libspdlog-dev libssl-dev libcurl4-openssl-dev openssl
    xvfb xauth x11-utils dbus dbus-x11 gnome-keyring libsecret-tools imagemagick
    postgresql postgresql-client python3 python3-aiosmtpd curl ca-certificates
)

mtr_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs only what is missing, so a machine that has everything asks apt nothing.
mtr_ensure_packages() {
    local missing=() pkg
    for pkg in "${MTR_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    mtr_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    mtr_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# mtr_build DIR BUILD_TYPE [extra cmake args...]
mtr_build() {
    local dir=$1 type=$2
    shift 2
    cmake -S "$MTR_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}
