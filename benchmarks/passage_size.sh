#!/usr/bin/env bash
# Passage size, gain beside cost: the tuning sets indexed with each `medsearch index --passage-words MIN MAX`
# below, ranked by the shipped ranking; nDCG@10 against the shipped size's and queries/s against it in the
# same run (median of --runs, every size interleaved round by round). BEIR texts are cut into passages of
# that size and documents score from their best passage and themselves, so the size is a ranking setting
# measured like the others. Writes results/passage_size.md and results/passage_size.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The sizes measured: label | MIN MAX. The first is the shipped default (readers/passage_splitter.h).
readonly SIZES='
shipped: 50 to 120 words          | 50 120
a sentence or two: 12 to 30 words | 12 30
short: 20 to 50 words             | 20 50
35 to 80 words                    | 35 80
80 to 180 words                   | 80 180
long: 150 to 400 words            | 150 400
whole texts                       | 100000 100000
'

usage() {
    echo "usage: benchmarks/passage_size.sh [--reuse-indexes] [--runs N]   (about 10 minutes)"
    usage_common
}

RUNS=3
start_benchmark passage_size "$@"

# Read the sizes and the tuning sets.
labels=() sizes=()
read_labelled labels sizes "$SIZES"
read_tuning_sets

# Every set at every size: one index each, and how many passages it holds.
declare -A db passages
for z in "${!sizes[@]}"; do
    read -r min max <<<"${sizes[z]}"
    for s in "${!set_names[@]}"; do
        db[$z,$s]=$(build_index medsearch "${set_folders[s]}" "passages-$min-$max" --passage-words "$min" "$max")
        passages[$z,$s]=$("$MEDSEARCH" stats --db "${db[$z,$s]}" | awk -F'\t' '$1 == "passages" { print $2 }')
    done
done

# Every size on every set, round by round.
size_args() {
    eval_args=(--db "${db[$1,$2]}" --topics "${set_topics[$2]}" --qrels "${set_qrels[$2]}")
}
declare -A ndcg seconds topic_count
measure_rounds "${#sizes[@]}" size_args

# The raw numbers.
tsv=$WORK/passage_size.tsv
printf '# measured %s at %s; seconds: query time of each of %s runs\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" "$RUNS" >"$tsv"
printf 'size\tpassage_words\tset\tpassages\ttopics\tndcg_cut_10\tmedian_seconds\tseconds\n' >>"$tsv"
for z in "${!sizes[@]}"; do
    for s in "${!set_names[@]}"; do
        read -r -a times <<<"${seconds[$z,$s]}"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${labels[z]}" "${sizes[z]}" "${set_names[s]}" "${passages[$z,$s]}" \
            "${topic_count[$s]}" "${ndcg[$z,$s]}" "$(median "${times[@]}")" "${times[*]}" >>"$tsv"
    done
done

{
    result_header "Passage size: gain and cost"
    echo
    echo "Each row indexes the tuning sets with \`medsearch index --passage-words MIN MAX\` and ranks them with the"
    echo "shipped ranking: nDCG@10 (Δ against the shipped size), the passages each index holds, and the speed of"
    echo "\`medsearch eval\` over all three sets against the shipped size's (median over $RUNS runs of the ratio"
    echo "within each run)."
    echo
    header="| passage size | \`--passage-words\` |"
    rule="|---|---|"
    for s in "${!set_names[@]}"; do
        header+=" ${set_names[s]} nDCG@10 (Δ) | passages |"
        rule+="---:|---:|"
    done
    echo "$header mean Δ | speed (×) |"
    echo "$rule---:|---:|"
    for z in "${!sizes[@]}"; do
        row="| ${labels[z]} | ${sizes[z]} |"
        delta_sum=0
        for s in "${!set_names[@]}"; do
            delta=$(calc %+.4f "${ndcg[$z,$s]} - ${ndcg[0,$s]}")
            delta_sum=$(calc %.4f "$delta_sum + $delta")
            if [ "$z" = 0 ]; then row+=" ${ndcg[$z,$s]} |"; else row+=" ${ndcg[$z,$s]} ($delta) |"; fi
            row+=" ${passages[$z,$s]} |"
        done
        row+=" $(calc %+.4f "$delta_sum / ${#set_names[@]}") | $(speed_ratio "$z" "${!set_names[@]}") |"
        echo "$row"
    done
} | tee "$RESULTS_DIR/passage_size.md"
cp "$tsv" "$RESULTS_DIR/passage_size.tsv"
