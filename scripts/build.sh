#!/usr/bin/env bash
# Configures and builds medsearch into build/ (the program lands at build/medsearch). Extra arguments go to
# cmake's configure step (scripts/test.sh passes -DMEDSEARCH_WERROR=ON: a warning fails the build).
set -euo pipefail
cd "$(dirname "$0")/.."
# -O2 without debug information, which costs a third more compile time and is rarely wanted in build/;
# configure a folder of your own with -DCMAKE_BUILD_TYPE=RelWithDebInfo to debug.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" "$@"
cmake --build build -j"$(nproc)"
