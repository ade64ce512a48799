#!/usr/bin/env bash
# Configures and builds medsearch into build/ (the program lands at build/medsearch).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
