#!/usr/bin/env bash
# Measures the synonym files on the training/dev sets only (SciFact train, NFCorpus dev, MEDIQA dev; never
# SciFact test): nDCG@10, MAP and recall@100 without synonyms, with each file alone, with all of them, and
# with synonym_weight / max_expansions varied; then the flood (expansions per question) of each file.
# Prints Markdown tables (the ones in corpus/synonyms/README.md).
#
#   tools/measure_synonyms.sh BUILD_DIR INDEX_ROOT   e.g. tools/measure_synonyms.sh build-synonyms /tmp/idx
# INDEX_ROOT holds indexes named scifact, nfcorpus-dev and mediqa-dev, built with
#   BUILD_DIR/medsearch index --db INDEX_ROOT/<set> --format beir ../shared/eval/<set>/corpus.jsonl
set -euo pipefail

build=${1:?usage: measure_synonyms.sh BUILD_DIR INDEX_ROOT}
indexes=${2:?usage: measure_synonyms.sh BUILD_DIR INDEX_ROOT}
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="$root/../shared/eval"
synonyms="$root/corpus/synonyms"
files=(medquad-focus abbreviations curated optional/lay-terms)
# The bundled three, named explicitly so that the numbers do not depend on where the binary was built.
bundled=(--no-bundled-synonyms --synonyms "$synonyms/medquad-focus.tsv" --synonyms "$synonyms/abbreviations.tsv"
         --synonyms "$synonyms/curated.tsv")

# set name, topics, qrels
sets=("scifact-train scifact/topics.train.tsv scifact/qrels.train.txt"
      "nfcorpus-dev nfcorpus-dev/topics.tsv nfcorpus-dev/qrels.txt"
      "mediqa-dev mediqa-dev/topics.tsv mediqa-dev/qrels.txt")

# row LABEL CELL ARGS...: one table row, CELL called once per set as CELL NAME TOPICS QRELS ARGS...
row() {
    local label=$1 cell=$2
    shift 2
    local line="| $label |"
    for entry in "${sets[@]}"; do
        read -r name topics qrels <<<"$entry"
        line+=" $("$cell" "$name" "$topics" "$qrels" "$@") |"
    done
    echo "$line"
}

# nDCG@10 / MAP / recall@100 of one set.
quality_cell() {
    local name=$1 topics=$2 qrels=$3
    shift 3
    "$build/medsearch" eval --db "$indexes/${name%-train}" --topics "$eval_dir/$topics" --qrels "$eval_dir/$qrels" \
        --metrics ndcg_cut.10,map,recall.100 "$@" |
        awk '$1 == "ndcg_cut_10" { n = $3 } $1 == "map" { m = $3 } $1 == "recall_100" { r = $3 }
             END { printf "%s / %s / %s", n, m, r }'
}

# Questions expanded / asked, clauses added per question, most in one question, for one set.
flood_cell() {
    local topics=$2
    shift 3
    "$build/tools/build_synonyms" flood --topics "$eval_dir/$topics" "$@" |
        awk -F'\t' '$1 == "questions" { q = $2 } $1 == "expanded" { e = $2 } $1 == "expansions_per_question" { p = $2 }
                    $1 == "most_in_one_question" { x = $2 } END { printf "%d/%d, %.2f, %d", e, q, p, x }'
}

measure() { row "$1" quality_cell "${@:2}"; }
flood_row() { row "$1" flood_cell "${@:2}"; }

echo "nDCG@10 / MAP / recall@100"
echo
echo "| synonyms | SciFact train | NFCorpus dev | MEDIQA dev |"
echo "|---|---|---|---|"
measure "none" --no-bundled-synonyms
for file in "${files[@]}"; do
    measure "$file.tsv alone" --no-bundled-synonyms --synonyms "$synonyms/$file.tsv"
done
measure "bundled three (defaults)" "${bundled[@]}"
measure "bundled three + lay-terms" "${bundled[@]}" --synonyms "$synonyms/optional/lay-terms.tsv"
for weight in 0.1 0.2 0.3 0.7 1.0; do
    measure "bundled, synonym_weight=$weight" "${bundled[@]}" --ranking "synonym_weight=$weight"
done
for expansions in 1 2 8; do
    measure "bundled, max_expansions=$expansions" "${bundled[@]}" --ranking "max_expansions=$expansions"
done
measure "bundled, synonym_weight=0.2, max_expansions=1" "${bundled[@]}" --ranking synonym_weight=0.2 --ranking max_expansions=1

echo
echo "Expansions per question (max_expansions=4 unless said): questions with a match, clauses added per question, most in one question"
echo
echo "| synonyms | SciFact train | NFCorpus dev | MEDIQA dev |"
echo "|---|---|---|---|"
for file in "${files[@]}"; do
    flood_row "$file.tsv" --no-bundled-synonyms --synonyms "$synonyms/$file.tsv"
done
flood_row "bundled three" "${bundled[@]}"
flood_row "bundled three, max_expansions=1" "${bundled[@]}" --max-expansions 1
