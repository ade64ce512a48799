#!/usr/bin/env bash
# Where `medsearch index` spends its time: perf samples (no call graphs: the Release build has no frame
# pointers) of one full index of the SciFact corpus, written to results/profile_index.md as the functions
# with the most samples, grouped by what they do, so a change to the indexer can say what it bought.
#   benchmarks/profile_index.sh [--top N]      (about a minute; needs perf, Debian linux-perf)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
top=30
if [ "${1:-}" = "--top" ]; then top=$2; shift 2; fi

usage() {
    echo "usage: benchmarks/profile_index.sh [--top N]"
    usage_common
}
start_benchmark profile_index "$@"
command -v perf >/dev/null || die "perf is missing (Debian package linux-perf)"

corpus=$EVAL_DATA/scifact/corpus.jsonl
rm -rf "$WORK/db"
perf record -q -F 999 -o "$WORK/perf.data" -- "$MEDSEARCH" index --db "$WORK/db" --format beir "$corpus" 2>"$WORK/index.log"
perf report -q -i "$WORK/perf.data" --stdio --no-children --sort dso,symbol >"$WORK/report.txt" 2>/dev/null
awk -v top="$top" 'NF && $1 ~ /%$/ && shown++ < top' "$WORK/report.txt" >"$WORK/top.txt"
# The same samples by library: how much is our code, Xapian, the C library, the kernel (I/O).
perf report -q -i "$WORK/perf.data" --stdio --no-children --sort dso 2>/dev/null | awk 'NF && $1 ~ /%$/' >"$WORK/dso.txt"

# The same index without each whole-corpus stage, to attribute what the samples cannot (no call graphs):
# linking each article to its nearest articles (queries against the index being written) and the spelling
# dictionary.
stage_seconds() {
    rm -rf "$WORK/db-stage"
    local start end
    start=$(date +%s.%N)
    "$MEDSEARCH" index --db "$WORK/db-stage" --format beir "$@" "$corpus" 2>/dev/null
    end=$(date +%s.%N)
    echo "$start $end" | awk '{printf "%.1f", $2 - $1}'
}
all_stages=$(stage_seconds)
no_links=$(stage_seconds --neighbours 0)
no_spelling=$(stage_seconds --no-spelling)
neither=$(stage_seconds --neighbours 0 --no-spelling)

{
    echo "# Where indexing spends its time"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$COMMIT\` by \`benchmarks/profile_index.sh\`: perf samples of"
    echo "\`medsearch index --format beir\` over SciFact's corpus ($(wc -l <"$corpus") documents), self time per function,"
    echo "the $top functions with most samples. $(tail -1 "$WORK/index.log")"
    echo
    echo "Whole-corpus stages, by leaving each out (one run each, seconds on this machine; compare within the table):"
    echo
    echo "| run | seconds | share of the full run |"
    echo "|---|---:|---:|"
    for entry in "everything:$all_stages" "--neighbours 0:$no_links" "--no-spelling:$no_spelling" "--neighbours 0 --no-spelling:$neither"; do
        echo "| ${entry%%:*} | ${entry##*:} | $(awk -v a="${entry##*:}" -v b="$all_stages" 'BEGIN {printf "%.2f", a / b}') |"
    done
    echo
    echo "Samples of the full run by library:"
    echo
    echo "| self % | library |"
    echo "|---:|---|"
    sed -E 's/^ *([0-9.]+%) +([^ ]+).*$/| \1 | \2 |/' "$WORK/dso.txt"
    echo
    echo "| self % | library | function |"
    echo "|---:|---|---|"
    # perf pads the symbol column and ends it with empty columns ("-  -"): cut both.
    sed -E 's/^ *([0-9.]+%) +([^ ]+) +\[[.kK]\] +//; s/[[:space:]-]+$//' "$WORK/top.txt" >"$WORK/symbols.txt"
    paste -d'\t' <(awk '{print $1 "\t" $2}' "$WORK/top.txt") "$WORK/symbols.txt" | awk -F'\t' '{printf "| %s | %s | `%s` |\n", $1, $2, $3}'
} >"$RESULTS_DIR/profile_index.md"
echo "wrote $RESULTS_DIR/profile_index.md" >&2
