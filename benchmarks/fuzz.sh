#!/usr/bin/env bash
# The long fuzz run: every libFuzzer target of fuzz/ (or the TARGETs named) for SECONDS each, one after the
# other on one core, by scripts/fuzz.sh; then one row per target from its final libFuzzer lines (executions,
# executions per second, coverage in edges, features, corpus files before and after, peak memory, crash or
# not) in results/fuzz.md and results/fuzz.tsv, with the crashes earlier runs found and the commits that
# fixed them (commits say "found by NAME_fuzzer").
#   benchmarks/fuzz.sh [--seconds N] [TARGET...]     (default 120 s per target)
#   benchmarks/fuzz.sh --report-only   rewrites fuzz.md from fuzz.tsv and the commit log (fixes made since)
# The corpora grow in the fuzz build folder from run to run (MEDSEARCH_FUZZ_BUILD, default build-fuzz).
# Exits 1 when a target crashed (its input is in BUILD/findings/NAME/); the report is written either way.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds=120
targets=()
report_only=0
while [ $# -gt 0 ]; do
    case $1 in
        --seconds)
            [ $# -ge 2 ] && [[ $2 =~ ^[1-9][0-9]*$ ]] || die "--seconds needs a positive number"
            seconds=$2
            shift
            ;;
        --report-only) report_only=1 ;;
        -h | --help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
        -*) die "unknown argument '$1' (see --help)" ;;
        *) targets+=("$1") ;;
    esac
    shift
done
SCRIPT_ARGS=(--seconds "$seconds" "${targets[@]}")
build=${MEDSEARCH_FUZZ_BUILD:-build-fuzz}
cd "$REPO_ROOT"
COMMIT=$(measured_commit)
measured_at=$(date -u '+%Y-%m-%d %H:%M UTC')
fuzz_status=0
if [ "$report_only" = 1 ]; then
    # The run's date, commit and seconds from the first line of fuzz.tsv ("# DATE TIME UTC commit C, N s ...").
    [ -f "$RESULTS_DIR/fuzz.tsv" ] || die "no $RESULTS_DIR/fuzz.tsv to report"
    read -r _ day clock zone _ COMMIT seconds _ <"$RESULTS_DIR/fuzz.tsv"
    measured_at="$day $clock $zone" COMMIT=${COMMIT%,} SCRIPT_ARGS=(--seconds "$seconds")
else
    mkdir -p "$RESULTS_DIR"

    # Built here on one core, so that scripts/fuzz.sh finds nothing left to build.
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DMEDSEARCH_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
    fi
    cmake --build "$build" -j1 >/dev/null || die "the fuzz build in $build failed"
    if [ "${#targets[@]}" -eq 0 ]; then
        for fuzzer in "$build"/fuzz/*_fuzzer; do targets+=("$(basename "$fuzzer" _fuzzer)"); done
    fi
    declare -A units_before
    for name in "${targets[@]}"; do
        [ -x "$build/fuzz/${name}_fuzzer" ] || die "no fuzz target named $name in $build/fuzz"
        units_before[$name]=$(if [ -d "$build/corpus/$name" ]; then find "$build/corpus/$name" -type f | wc -l; else echo 0; fi)
    done

    scripts/fuzz.sh "$seconds" "${targets[@]}" >&2 || fuzz_status=$?

    # One target's row from its log: the last status line ("#N DONE cov: C ft: F corp: U/SIZE ... exec/s: E
    # rss: RMb") and -print_final_stats' lines; a crash shows as libFuzzer's SUMMARY line.
    row_of() {
        local name=$1 log=$build/$1.log after
        after=$(find "$build/corpus/$name" -type f | wc -l)
        awk -v name="$name" -v before="${units_before[$1]}" -v after="$after" '
            /^#[0-9]+/ {
                executions = substr($1, 2)
                for (i = 2; i < NF; i++) {
                    if ($i == "cov:") cov = $(i + 1)
                    if ($i == "ft:") ft = $(i + 1)
                }
            }
            /^stat::number_of_executed_units:/ { executions = $2 }
            /^stat::average_exec_per_sec:/ { per_second = $2 }
            /^stat::peak_rss_mb:/ { rss = $2 }
            /^SUMMARY: / { sub(/^SUMMARY: /, ""); crash = $0 }
            END {
                if (executions == "") { print name "\t\t\t\t\t\t\t\tno libFuzzer output"; exit }
                printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, executions, per_second, cov, ft, before, after, rss,
                       crash == "" ? "none" : crash
            }' "$log"
    }

    {
        echo "# $measured_at commit $COMMIT, $seconds s per target"
        printf 'target\texecutions\texec_per_s\tcoverage_edges\tfeatures\tcorpus_before\tcorpus_after\tpeak_rss_mb\tcrash\n'
        for name in "${targets[@]}"; do row_of "$name"; done
    } >"$RESULTS_DIR/fuzz.tsv"
fi

{
    echo "# Fuzzing"
    echo
    echo "Measured $measured_at at commit \`$COMMIT\` ($(clang++ --version | head -n 1), libFuzzer,"
    echo "every library built with \`-fsanitize=fuzzer-no-link,address,undefined\`) on $(uname -m) with $(nproc) CPUs, by"
    echo "\`benchmarks/fuzz.sh ${SCRIPT_ARGS[*]}\`: each target for $seconds s, one at a time, from its seeds"
    echo "(\`scripts/fuzz.sh\`) and the corpus earlier runs grew."
    if [ "$report_only" = 1 ]; then
        echo "This text rewritten $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/fuzz.sh --report-only\`, to list the fixes made since."
    elif [ -z "${MEDSEARCH_COMMIT:-}" ] && [ -n "$(uncommitted_paths)" ]; then
        echo "Uncommitted changes at the time: $(uncommitted_paths)."
    fi
    echo
    echo "| target | executions | exec/s | coverage (edges) | features | corpus files before → after | peak RSS MB | crash |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    tail -n +3 "$RESULTS_DIR/fuzz.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s → %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
    echo
    awk -F'\t' 'NR > 2 { runs += $2; if ($9 != "none") crashes++ }
        END { printf "In all: %d executions; %d target(s) crashed.\n", runs, crashes }' "$RESULTS_DIR/fuzz.tsv"
    echo
    echo "Crashes and broken promises fuzz runs found (this one included), each fixed with a regression test, newest first (from the commit log):"
    echo
    git log --format='- `%h` %s' -E -i --grep='found by [a-z_]+_fuzzer|first runs found' | cut -c1-400
} >"$RESULTS_DIR/fuzz.md"
cat "$RESULTS_DIR/fuzz.md"
exit "$fuzz_status"
