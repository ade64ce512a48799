#!/usr/bin/env bash
# The MeSH field's weight (`--ranking fields.mesh=W`). The tuning sets hold no MeSH headings, so they cannot
# choose it; PubMedQA's 1,000 labelled abstracts can: each becomes an article of its labelled parts and its
# MeSH headings, without its title (the title is the question, which would find it whatever the weight), and
# each question is asked of the 1,000 (one relevant article: its own). The weight is chosen on the
# even-numbered questions and checked on the odd-numbered ones. The tuning sets are then asked with the
# MeSH field off and at the shipped weight: they must score the same. Writes results/mesh_weight.md and
# results/mesh_weight.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

readonly WEIGHTS='0 0.1 0.2 0.35 0.5 0.75 1 1.5 2'

usage() {
    echo "usage: benchmarks/mesh_weight.sh [--reuse-indexes]   (about 5 minutes)"
    usage_common
}

start_benchmark mesh_weight "$@"
command -v jq >/dev/null || die "needs jq (apt-get install jq)"
readonly PUBMEDQA=${EVAL_DATA%/eval}/data/pubmedqa/ori_pqal.json
[ -f "$PUBMEDQA" ] || die "no PubMedQA at $PUBMEDQA"

# PubMedQA as articles without titles, questions in two halves, and the qrels.
corpus=$WORK/corpus.jsonl
jq -c 'to_entries[] | {id: .key, source: "pubmedqa-mesh", mesh: .value.MESHES,
       passages: [.value as $r | range(0; $r.CONTEXTS | length) | {section: $r.LABELS[.], text: $r.CONTEXTS[.]}]}' \
    "$PUBMEDQA" >"$corpus"
for half in 0 1; do
    jq -r --argjson half "$half" 'to_entries | to_entries[] | select(.key % 2 == $half) | .value
           | [.key, (.value.QUESTION | gsub("[\t\n\r]"; " "))] | @tsv' "$PUBMEDQA" >"$WORK/topics.$half.tsv"
done
jq -r 'keys[] | "\(.) 0 \(.) 1"' "$PUBMEDQA" >"$WORK/qrels.txt"
db=$WORK/db
rm -rf -- "$db"
"$MEDSEARCH" index --db "$db" "$corpus" >&2 || die "indexing $corpus failed"

# Every weight on both halves.
tsv=$WORK/mesh_weight.tsv
printf '# measured %s at %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'set\tfields.mesh\tndcg_cut_10\trecip_rank\n' >>"$tsv"
declare -A ndcg mrr
for weight in $WEIGHTS; do
    for half in 0 1; do
        out=$WORK/w$weight-h$half
        medsearch_eval "$out" --db "$db" --topics "$WORK/topics.$half.tsv" --qrels "$WORK/qrels.txt" \
            --metrics ndcg_cut.10,recip_rank --ranking "fields.mesh=$weight"
        ndcg[$weight,$half]=$(metric_value "$out" ndcg_cut_10)
        mrr[$weight,$half]=$(metric_value "$out" recip_rank)
        printf 'pubmedqa-%s\t%s\t%s\t%s\n' "$([ "$half" = 0 ] && echo even || echo odd)" "$weight" "${ndcg[$weight,$half]}" \
            "${mrr[$weight,$half]}" >>"$tsv"
    done
    echo "fields.mesh=$weight: ${ndcg[$weight,0]} ${ndcg[$weight,1]}" >&2
done

# The tuning sets with the MeSH field off and at the shipped weight.
read_tuning_sets
declare -A tuning
for s in "${!set_names[@]}"; do
    index=$(medsearch_index "${set_folders[s]}")
    for setting in off shipped; do
        out=$WORK/tuning-$s-$setting
        ranking=()
        [ "$setting" = shipped ] || ranking=(--ranking fields.mesh=0)
        medsearch_eval "$out" --db "$index" --topics "${set_topics[s]}" --qrels "${set_qrels[s]}" --metrics ndcg_cut.10 "${ranking[@]}"
        tuning[$s,$setting]=$(metric_value "$out" ndcg_cut_10)
        printf '%s\t%s\t%s\t\n' "${set_names[s]}" "$setting" "${tuning[$s,$setting]}" >>"$tsv"
    done
done

{
    result_header "MeSH field weight"
    echo
    echo "PubMedQA's 1,000 labelled abstracts (\`../shared/data/pubmedqa/ori_pqal.json\`) indexed as articles of their"
    echo "labelled parts and their MeSH headings, without their titles (each title is the question asked of it); each"
    echo "question asked of the 1,000 by \`medsearch eval\` with \`--ranking fields.mesh=W\` (its own abstract is the one"
    echo "relevant article). The weight is chosen on the even-numbered questions (500); the odd-numbered (500) check it."
    echo
    echo "| fields.mesh | even nDCG@10 | even MRR | odd nDCG@10 | odd MRR |"
    echo "|---:|---:|---:|---:|---:|"
    for weight in $WEIGHTS; do
        echo "| $weight | ${ndcg[$weight,0]} | ${mrr[$weight,0]} | ${ndcg[$weight,1]} | ${mrr[$weight,1]} |"
    done
    echo
    echo "The tuning sets hold no MeSH headings: with the field off and at the shipped weight they must score the same."
    echo
    echo "| set | nDCG@10, fields.mesh=0 | nDCG@10, shipped |"
    echo "|---|---:|---:|"
    for s in "${!set_names[@]}"; do
        echo "| ${set_names[s]} | ${tuning[$s,off]} | ${tuning[$s,shipped]} |"
    done
} >"$RESULTS_DIR/mesh_weight.md"
cp "$tsv" "$RESULTS_DIR/mesh_weight.tsv"
cat "$RESULTS_DIR/mesh_weight.md"
