#!/usr/bin/env bash
# Builds every libFuzzer target of fuzz/ (clang, libraries instrumented, ASan+UBSan) and runs each for
# SECONDS (default 60) from its seed corpus. A crash stops that target, leaves its input in
# build-fuzz/findings/NAME/ and makes the script exit 1 after the others have run.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shared="${MEDSEARCH_SHARED_DIR:-../shared}"

cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMEDSEARCH_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null

# Seeds of each target: files copied into its working corpus before the first run.
seeds_of() {
    case "$1" in
        question) printf "%s\n" "$shared/eval/scifact/topics.train.tsv" tests/fixtures/query/medical_tokens.md ;;
        *) ;;
    esac
}

status=0
for fuzzer in build-fuzz/fuzz/*_fuzzer; do
    name="$(basename "$fuzzer" _fuzzer)"
    corpus="build-fuzz/corpus/$name"
    findings="build-fuzz/findings/$name"
    mkdir -p "$corpus" "$findings"
    while IFS= read -r seed; do
        [ -f "$seed" ] && cp -n "$seed" "$corpus/" || true
    done < <(seeds_of "$name")
    echo "== $name: ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$findings/" \
        -print_final_stats=1 "$corpus" 2> "build-fuzz/$name.log"; then
        echo "$name: FAILED (see build-fuzz/$name.log and $findings/)" >&2
        status=1
    fi
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "build-fuzz/$name.log" | sed "s/^/   /" || true
done
exit "$status"
