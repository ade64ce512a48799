#!/usr/bin/env bash
# Retrieval quality: builds the medsearch index of every ../shared/eval/*/corpus.jsonl, scores medsearch
# (shipped ranking, top 1000) on each set below with `medsearch eval`, and writes the table beside the
# peers' figures and the targets to results/quality.md, the raw numbers to results/quality.tsv. The plain
# Xapian baseline (plain_xapian/) is measured in the same run as a check on the peers' Xapian column.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The sets reported, one per line:
# name | index (folder of ../shared/eval) | topics | qrels | peers' nDCG@10 (Lucene 8 BM25, Xapian as its
# examples use it, SQLite FTS5; from ../shared/README.md) | target nDCG@10 ("-": none)
readonly SETS='
scifact test  | scifact      | scifact/topics.test.tsv  | scifact/qrels.test.txt  | 0.6789 | 0.6871 | 0.6824 | 0.7215
scifact train | scifact      | scifact/topics.train.tsv | scifact/qrels.train.txt | 0.8617 | 0.8589 | 0.8587 | -
nfcorpus-dev  | nfcorpus-dev | nfcorpus-dev/topics.tsv  | nfcorpus-dev/qrels.txt  | 0.3021 | 0.2916 | 0.2968 | 0.3172
mediqa-dev    | mediqa-dev   | mediqa-dev/topics.tsv    | mediqa-dev/qrels.txt    | 0.3475 | 0.3368 | 0.3171 | 0.3649
'

usage() {
    echo "usage: benchmarks/quality.sh [--reuse-indexes]   (about 2 minutes)"
    usage_common
}

start_benchmark quality "$@"
check_plain_xapian

# Build the indexes of every evaluation set (the other scripts reuse them with --reuse-indexes).
for corpus in "$EVAL_DATA"/*/corpus.jsonl; do
    medsearch_index "$(basename "$(dirname "$corpus")")" >/dev/null
done

# Score every set: medsearch's three measures, plain Xapian's nDCG@10.
tsv=$WORK/quality.tsv
printf '# measured %s at %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'set\ttopics\tndcg_cut_10\tmap\trecall_100\tplain_xapian_ndcg_cut_10\tlucene\txapian\tfts5\ttarget\tmet\n' >>"$tsv"
while IFS='|' read -r name index topics qrels lucene xapian fts5 target; do
    name=$(echo "$name" | xargs)
    [ -n "$name" ] || continue
    read -r index topics qrels lucene xapian fts5 target <<<"$index $topics $qrels $lucene $xapian $fts5 $target"
    echo "scoring $name ..." >&2
    out=$WORK/${name// /-}
    db=$(medsearch_index "$index")
    plain_db=$(plain_index "$index")
    medsearch_eval "$out.medsearch" --db "$db" --topics "$EVAL_DATA/$topics" \
        --qrels "$EVAL_DATA/$qrels" --metrics ndcg_cut.10,map,recall.100 --run "$out.medsearch.run"
    "$PLAIN_XAPIAN_DIR/plain_search" "$plain_db" "$EVAL_DATA/$topics" "$out.plain.run" 2>"$out.plain.log" ||
        die "plain_search failed on $name"
    medsearch_eval "$out.plain" --qrels "$EVAL_DATA/$qrels" --run "$out.plain.run" --metrics ndcg_cut.10
    count=$(topics_retrieved "$out.medsearch.log")
    ndcg=$(metric_value "$out.medsearch" ndcg_cut_10)
    map=$(metric_value "$out.medsearch" map)
    recall=$(metric_value "$out.medsearch" recall_100)
    plain_ndcg=$(metric_value "$out.plain" ndcg_cut_10)
    met=-
    [ "$target" = - ] || met=$(calc %s "$ndcg >= $target ? \"yes\" : \"no\"")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$count" "$ndcg" "$map" "$recall" "$plain_ndcg" \
        "$lucene" "$xapian" "$fts5" "$target" "$met" >>"$tsv"
done <<<"$SETS"

# The table, from the raw numbers.
{
    result_header "Retrieval quality: medsearch beside the peers"
    echo
    echo "medsearch with the shipped ranking, top 1000, scored as \`trec_eval -c\`. Peers' nDCG@10 from"
    echo "../shared/README.md; \"plain Xapian here\" is benchmarks/plain_xapian measured in this run (it should"
    echo "equal the README's Xapian column)."
    echo
    echo "| set | topics | nDCG@10 | MAP | R@100 | Lucene 8 BM25 | Xapian (examples) | SQLite FTS5 | plain Xapian here | target nDCG@10 | met |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    awk -F'\t' 'NR > 2 { printf "| %s | %s | **%s** | %s | %s | %s | %s | %s | %s | %s | %s |\n",
        $1, $2, $3, $4, $5, $7, $8, $9, $6, ($10 == "-" ? "" : "≥ " $10), ($11 == "-" ? "" : $11) }' "$tsv"
} | tee "$RESULTS_DIR/quality.md"
cp "$tsv" "$RESULTS_DIR/quality.tsv"
