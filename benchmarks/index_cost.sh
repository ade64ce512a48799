#!/usr/bin/env bash
# Indexing cost: `medsearch index` of a BEIR collection as shipped against the same with `--neighbours 0`
# (no nearest-article links: the one index-time step that only document ranking uses), and plain Xapian's
# indexer beside them; seconds (median of --runs, interleaved; a ratio is the median of the ratios within
# each round) and size on disk. Writes results/index_cost.md and results/index_cost.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

readonly SET=scifact  # 5183 abstracts

usage() {
    echo "usage: benchmarks/index_cost.sh [--runs N]   (about 5 minutes with 3 runs)"
    usage_common
}

RUNS=3
start_benchmark index_cost "$@"
check_plain_xapian
corpus=$EVAL_DATA/$SET/corpus.jsonl

# One timed indexing into a fresh folder; prints the seconds. Arguments: folder, then the indexer command.
time_index() {
    local db=$1
    shift
    rm -rf -- "$db"
    local start end
    start=$(date +%s.%N)
    "$@" >"$db.log" 2>&1 || { cat "$db.log" >&2; die "indexing failed: $*"; }
    end=$(date +%s.%N)
    calc %.2f "$end - $start"
}
size_mb() { calc %.1f "$(du -sb "$1" | cut -f1) / 1000000"; }

shipped=() unlinked=() plain=()
tsv=$WORK/index_cost.tsv
printf '# measured %s at %s: seconds to index %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" "$SET" >"$tsv"
printf 'run\tshipped_seconds\tno_neighbours_seconds\tplain_xapian_seconds\n' >>"$tsv"
for run in $(seq "$RUNS"); do
    shipped+=("$(time_index "$WORK/shipped" "$MEDSEARCH" index --db "$WORK/shipped" "$corpus")")
    unlinked+=("$(time_index "$WORK/unlinked" "$MEDSEARCH" index --db "$WORK/unlinked" --neighbours 0 "$corpus")")
    plain+=("$(time_index "$WORK/plain" "$PLAIN_XAPIAN_DIR/plain_index" "$WORK/plain" "$corpus")")
    printf '%s\t%s\t%s\t%s\n' "$run" "${shipped[-1]}" "${unlinked[-1]}" "${plain[-1]}" >>"$tsv"
    echo "run $run/$RUNS: shipped ${shipped[-1]} s, --neighbours 0 ${unlinked[-1]} s, plain Xapian ${plain[-1]} s" >&2
done

{
    result_header "Indexing cost"
    echo
    echo "\`medsearch index\` of \`$SET/corpus.jsonl\` into a fresh folder (whole command, wall clock), median of"
    echo "$RUNS interleaved runs; a ratio is the median of the ratios within each round. plain Xapian is"
    echo "benchmarks/plain_xapian's indexer (simpleindex's setup: one document per abstract, title and text through"
    echo "one TermGenerator; no passages, fields, sub-word grams, pairs or spelling dictionary)."
    echo
    echo "| indexer | seconds (median) | relative to shipped | size on disk (MB) |"
    echo "|---|---:|---:|---:|"
    echo "| medsearch as shipped | $(median "${shipped[@]}") | 1 | $(size_mb "$WORK/shipped") |"
    echo "| medsearch \`--neighbours 0\` | $(median "${unlinked[@]}") | $(paired_ratio "${unlinked[*]}" "${shipped[*]}") | $(size_mb "$WORK/unlinked") |"
    echo "| plain Xapian | $(median "${plain[@]}") | $(paired_ratio "${plain[*]}" "${shipped[*]}") | $(size_mb "$WORK/plain") |"
    echo
    echo "Every run (seconds): shipped ${shipped[*]}; --neighbours 0 ${unlinked[*]}; plain Xapian ${plain[*]}."
} | tee "$RESULTS_DIR/index_cost.md"
cp "$tsv" "$RESULTS_DIR/index_cost.tsv"
