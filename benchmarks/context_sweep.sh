#!/usr/bin/env bash
# How a follow-up carries its subject: the carried subject's words in every field (context.subject_weight)
# against the same words in the article title only (context.subject_title_weight), measured on follow-up
# dev in conversation (`eval --conversational`, turns >= 2, nDCG@10) two ways: documents (followup-dev's
# question-answer pairs, as eval ranks them) and passages (passage search over MedQuAD's articles, judged
# per question-answer pair, as `search` ranks them). Sessions S0000-S0149 only: a dev set, and the rest
# stays unseen by this choice. Writes results/context_sweep.md and results/context_sweep.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The settings measured, one per line: subject_weight subject_title_weight. The first is the ranking
# before the title clause existed.
readonly SETTINGS='
0.25 0
0.35 0
0.5  0
0.25 0.25
0.25 0.35
0.25 0.5
0.15 0.35
0    0.35
'

usage() {
    echo "usage: benchmarks/context_sweep.sh [--reuse-indexes]   (about 12 minutes)"
    usage_common
}

start_benchmark context_sweep "$@"
followup=$(medsearch_index followup-dev)
medquad=$(medquad_index)
topics=$WORK/sessions-0-149.tsv
awk -F'\t' '{ session = $1; sub(/_[^_]*$/, "", session); if (substr(session, 2) + 0 < 150) print }' \
    "$EVAL_DATA/followup-dev/topics.tsv" >"$topics"

tsv=$WORK/context_sweep.tsv
printf '# measured %s at %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'subject_weight\tsubject_title_weight\tdocuments\tpassages\tmean\n' >>"$tsv"
while read -r subject title; do
    [ -n "$subject" ] || continue
    echo "subject_weight $subject, subject_title_weight $title ..." >&2
    flags=(--ranking "context.subject_weight=$subject" --ranking "context.subject_title_weight=$title"
           --conversational --per-query --metrics ndcg_cut.10 --threads 0 --topics "$topics"
           --qrels "$EVAL_DATA/followup-dev/qrels.txt")
    medsearch_eval "$WORK/documents" --db "$followup" "${flags[@]}"
    medsearch_eval "$WORK/passages" --db "$medquad" --unit passage "${flags[@]}"
    documents=$(later_turns_ndcg "$topics" "$WORK/documents")
    passages=$(later_turns_ndcg "$topics" "$WORK/passages")
    printf '%s\t%s\t%s\t%s\t%s\n' "$subject" "$title" "$documents" "$passages" \
        "$(calc %.4f "($documents + $passages) / 2")" >>"$tsv"
done <<<"$SETTINGS"

{
    result_header "Follow-ups: the carried subject in every field or in the title"
    echo
    echo "Follow-up dev sessions S0000-S0149 in conversation, turns >= 2, nDCG@10. \"documents\": \`eval"
    echo "--conversational\` on the followup-dev index; \"passages\": \`eval --unit passage --conversational\` over"
    echo "MedQuAD's articles. The shipped ranking's values are in query/ranking_options.h."
    echo
    echo "| context.subject_weight | context.subject_title_weight | documents | passages | mean |"
    echo "|---:|---:|---:|---:|---:|"
    awk -F'\t' 'NR > 2 { printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$tsv"
} | tee "$RESULTS_DIR/context_sweep.md"
cp "$tsv" "$RESULTS_DIR/context_sweep.tsv"
