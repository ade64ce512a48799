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
    echo "usage: benchmarks/speed.sh [--reuse-indexes] [--runs N]   (about a minute)"
    usage_common
}

start_benchmark speed "$@"
check_plain_xapian
db=$(medsearch_index "$SET")
plain_db=$(plain_index "$SET")

# One timed retrieval of every topic by each engine; prints the query time in seconds. medsearch runs with
# one thread (the same work as plain Xapian: the engine's cost) and with one thread per core (the batch
# as `eval --threads 0` asks it; the run is the same).
time_medsearch() {
    local threads=$1
    medsearch_eval "$WORK/medsearch" --db "$db" --topics "$EVAL_DATA/$TOPICS" --qrels "$EVAL_DATA/$QRELS" \
        --depth "$DEPTH" --metrics ndcg_cut.10 --threads "$threads"
    retrieval_seconds "$WORK/medsearch.log"
}
time_plain() {
    "$PLAIN_XAPIAN_DIR/plain_search" "$plain_db" "$EVAL_DATA/$TOPICS" "$WORK/plain.run" "$DEPTH" \
        2>"$WORK/plain.log" || die "plain_search failed"
    retrieval_seconds "$WORK/plain.log"
}

# Warm up (caches, page faults), then alternate the engines so that load on a shared machine hits all alike.
readonly CORES=$(nproc)
time_medsearch 1 >/dev/null
time_plain >/dev/null
topics=$(topics_retrieved "$WORK/medsearch.log")
medsearch_times=()
threaded_times=()
plain_times=()
tsv=$WORK/speed.tsv
printf '# measured %s at %s: query seconds for %s topics of %s at depth %s; medsearch with 1 and with %s threads\n' \
    "$(date -u '+%Y-%m-%d')" "$COMMIT" "$topics" "$TOPICS" "$DEPTH" "$CORES" >"$tsv"
printf 'run\tmedsearch_seconds\tmedsearch_threaded_seconds\tplain_xapian_seconds\n' >>"$tsv"
for run in $(seq "$RUNS"); do
    medsearch_times+=("$(time_medsearch 1)")
    threaded_times+=("$(time_medsearch 0)")
    plain_times+=("$(time_plain)")
    printf '%s\t%s\t%s\t%s\n' "$run" "${medsearch_times[-1]}" "${threaded_times[-1]}" "${plain_times[-1]}" >>"$tsv"
    echo "run $run/$RUNS: medsearch ${medsearch_times[-1]} s, with $CORES threads ${threaded_times[-1]} s," \
        "plain Xapian ${plain_times[-1]} s" >&2
done

# Medians, and the median of the ratios within each round.
medsearch_median=$(median "${medsearch_times[@]}")
threaded_median=$(median "${threaded_times[@]}")
plain_median=$(median "${plain_times[@]}")
medsearch_qps=$(calc %.0f "$topics / $medsearch_median")
threaded_qps=$(calc %.0f "$topics / $threaded_median")
plain_qps=$(calc %.0f "$topics / $plain_median")
ratio=$(paired_ratio "${plain_times[*]}" "${medsearch_times[*]}")
threaded_ratio=$(paired_ratio "${plain_times[*]}" "${threaded_times[*]}")
slower=$(paired_ratio "${medsearch_times[*]}" "${plain_times[*]}")
goal=$(calc %s "$threaded_median < $GOAL_SECONDS ? \"yes\" : \"no\"")
{
    result_header "Query speed: medsearch against plain Xapian"
    echo
    echo "$topics topics of \`$TOPICS\`, depth $DEPTH; query time only (parsing, ranking, reading the hits' ids),"
    echo "median of $RUNS runs each, interleaved, after a warm-up; a ratio is the median of the ratios within each"
    echo "round. plain Xapian is benchmarks/plain_xapian"
    echo "(simplesearch's QueryParser setup, topics as plain text, BM25Weight defaults, one thread);"
    echo "medsearch is \`medsearch eval --db\` with the shipped ranking, with one thread (the same work as"
    echo "plain Xapian: the engine's own cost) and with \`--threads 0\` (one per core, $CORES here; the same run)."
    echo
    echo "| engine | queries/s (median) | relative to plain Xapian |"
    echo "|---|---:|---:|"
    echo "| plain Xapian | $plain_qps | 1 |"
    echo "| medsearch, 1 thread | $medsearch_qps | **$ratio** |"
    echo "| medsearch, $CORES threads | $threaded_qps | $threaded_ratio |"
    echo
    echo "On one thread medsearch answers a topic in ${slower}× plain Xapian's time. Issue \"batch evaluation\" asks"
    echo "for the $topics topics in well under ${GOAL_SECONDS} s of query time on this machine: with $CORES threads, median"
    echo "$threaded_median s, met: **$goal** (one thread: $medsearch_median s; plain Xapian: $plain_median s)."
    echo
    echo "Every run (seconds): medsearch ${medsearch_times[*]}; with $CORES threads ${threaded_times[*]};"
    echo "plain Xapian ${plain_times[*]}."
} | tee "$RESULTS_DIR/speed.md"
cp "$tsv" "$RESULTS_DIR/speed.tsv"
