#!/usr/bin/env bash
# The whole test suite: install, build, run every test under ctest. Tests read ../shared (the data
# folder beside the repository) and fail with a clear message when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DMEDSEARCH_WERROR=ON  # zero warnings: CI fails on the first one
ctest --test-dir build --output-on-failure -j"$(nproc)" --no-tests=error
