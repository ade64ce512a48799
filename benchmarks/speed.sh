#!/usr/bin/env bash
# Query speed: medsearch `eval --db` against the plain Xapian baseline (plain_xapian/) on the SciFact test
# topics at depth 1000, each measured --runs times, interleaved, after one untimed warm-up each. Both report
# their query time alone (no index opening, no scoring, no run writing) as "N topics retrieved in X s"; the
# figure is the median of the ratios within each round, all measured in the same run. Writes results/speed.md
# and results/speed.tsv (every timing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# What is measured.
readonly SET=scifact
readonly TOPICS=scifact/topics.test.tsv
readonly QRELS=scifact/qrels.test.txt
readonly DEPTH=1000
readonly GOAL_SECONDS=1  # issue "batch evaluation": the 300 topics in well under a second of query time

usage() {
    echo "usage: benchmarks/speed.sh [--reuse-indexes] [--runs N]   (about 20 seconds)"
    usage_common
}

start_benchmark speed "$@"
check_plain_xapian
db=$(medsearch_index "$SET")
plain_db=$(plain_index "$SET")

# One timed retrieval of every topic by each engine; prints the query time in seconds.
time_medsearch() {
    medsearch_eval "$WORK/medsearch" --db "$db" --topics "$EVAL_DATA/$TOPICS" --qrels "$EVAL_DATA/$QRELS" \
        --depth "$DEPTH" --metrics ndcg_cut.10
    retrieval_seconds "$WORK/medsearch.log"
}
time_plain() {
    "$PLAIN_XAPIAN_DIR/plain_search" "$plain_db" "$EVAL_DATA/$TOPICS" "$WORK/plain.run" "$DEPTH" \
        2>"$WORK/plain.log" || die "plain_search failed"
    retrieval_seconds "$WORK/plain.log"
}

# Warm up (caches, page faults), then alternate the two so that load on a shared machine hits both alike.
time_medsearch >/dev/null
time_plain >/dev/null
topics=$(topics_retrieved "$WORK/medsearch.log")
medsearch_times=()
plain_times=()
tsv=$WORK/speed.tsv
printf '# measured %s at %s: query seconds for %s topics of %s at depth %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" \
    "$topics" "$TOPICS" "$DEPTH" >"$tsv"
printf 'run\tmedsearch_seconds\tplain_xapian_seconds\n' >>"$tsv"
for run in $(seq "$RUNS"); do
    medsearch_times+=("$(time_medsearch)")
    plain_times+=("$(time_plain)")
    printf '%s\t%s\t%s\n' "$run" "${medsearch_times[-1]}" "${plain_times[-1]}" >>"$tsv"
    echo "run $run/$RUNS: medsearch ${medsearch_times[-1]} s, plain Xapian ${plain_times[-1]} s" >&2
done

# Medians, and the median of the ratios within each round.
medsearch_median=$(median "${medsearch_times[@]}")
plain_median=$(median "${plain_times[@]}")
medsearch_qps=$(calc %.0f "$topics / $medsearch_median")
plain_qps=$(calc %.0f "$topics / $plain_median")
ratio=$(paired_ratio "${plain_times[*]}" "${medsearch_times[*]}")
slower=$(paired_ratio "${medsearch_times[*]}" "${plain_times[*]}")
goal=$(calc %s "$medsearch_median < $GOAL_SECONDS ? \"yes\" : \"no\"")
{
    result_header "Query speed: medsearch against plain Xapian"
    echo
    echo "$topics topics of \`$TOPICS\`, depth $DEPTH; query time only (parsing, ranking, reading the hits' ids),"
    echo "median of $RUNS runs each, interleaved, after a warm-up; the ratio is the median of the ratios within each"
    echo "round. plain Xapian is benchmarks/plain_xapian"
    echo "(simplesearch's QueryParser setup, topics as plain text, BM25Weight defaults);"
    echo "medsearch is \`medsearch eval --db\` with the shipped ranking."
    echo
    echo "| engine | queries/s (median) | relative to plain Xapian |"
    echo "|---|---:|---:|"
    echo "| plain Xapian | $plain_qps | 1 |"
    echo "| medsearch | $medsearch_qps | **$ratio** |"
    echo
    echo "medsearch answers a topic in ${slower}× plain Xapian's time. Issue \"batch evaluation\" asks for the"
    echo "$topics topics in well under ${GOAL_SECONDS} s of query time on this machine: median $medsearch_median s, met: **$goal**"
    echo "(plain Xapian: $plain_median s)."
    if coarse_time "${medsearch_times[0]}" && [ "$(calc %d "$medsearch_median < 2")" = 1 ]; then
        echo
        echo "Note: this \`medsearch eval\` prints its query time to 0.1 s, so below 2 s the ratio is coarse."
    fi
    echo
    echo "Every run (seconds): medsearch ${medsearch_times[*]}; plain Xapian ${plain_times[*]}."
} | tee "$RESULTS_DIR/speed.md"
cp "$tsv" "$RESULTS_DIR/speed.tsv"
