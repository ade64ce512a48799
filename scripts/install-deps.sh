#!/usr/bin/env bash
# Installs what medsearch needs to build, test and benchmark, from Debian 12's archive only (clang and its
# runtime libraries for the fuzz targets, scripts/fuzz.sh).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (it calls apt-get)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
    build-essential cmake ninja-build pkg-config git ca-certificates \
    libxapian-dev xapian-tools libicu-dev libcli11-dev catch2 \
    nlohmann-json3-dev libpugixml-dev libgumbo-dev zlib1g-dev libedit-dev hunspell-en-med time jq \
    clang libclang-rt-dev \
    libcpp-httplib-dev curl chromium chromium-driver python3-selenium wrk gnuplot-nox
