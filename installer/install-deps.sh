#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian bookworm package that building, testing and running otel-console needs.
# Idempotent: when everything is present it prints nothing and changes nothing.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache git ca-certificates
    clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
    # libraries
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    libqt6svg6 qt6-qpa-plugins qt6-l10n-tools libqt6opengl6-dev libxkbcommon-dev libgl-dev
    libyaml-cpp-dev nlohmann-json3-dev qcoro-qt6-dev libcpp-httplib-dev libssl-dev openssl
    libgtest-dev libgmock-dev libbenchmark-dev
    # tests: virtual display, schema validator runtime, screenshots
    xvfb xauth xfonts-base fonts-dejavu-core imagemagick
    # packaging
    dpkg-dev file
)

missing=()
# The machine image may bring its own Node.js with npm; Debian's nodejs and npm only when absent.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
else
    sudo_cmd=()
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
