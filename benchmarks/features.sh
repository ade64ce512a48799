#!/usr/bin/env bash
# Ranking features, gain beside cost: for each change to the shipped ranking listed below, nDCG@10 on the
# tuning sets and queries/s, both against the shipped ranking measured in the same run (timings: median of
# --runs, every configuration interleaved round by round). Writes results/features.md and
# results/features.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The changes measured, one per line: label | `medsearch eval` flags. The first line is the reference (the
# shipped ranking, no flags). Features on by default are switched off; features off by default (proximity,
# feedback) are switched on at a plausible setting. Names: `medsearch eval --help` (--ranking).
readonly CONFIGURATIONS='
shipped ranking                      |
passage evidence off                 | --ranking passage_weight=0
article evidence off                 | --ranking article_weight=0
title field off                      | --ranking fields.title=0
heading field off                    | --ranking fields.heading=0
section field off                    | --ranking fields.section=0
question words at full weight        | --ranking question_word_weight=1
bundled synonyms off                 | --no-bundled-synonyms
proximity on (weight 0.1)            | --ranking proximity_weight=0.1
feedback on (10 documents, 10 terms) | --ranking feedback.enabled=1
'

# The tuning sets (never the test sets): name | index (folder of ../shared/eval) | topics | qrels.
readonly SETS='
scifact train | scifact      | scifact/topics.train.tsv | scifact/qrels.train.txt
nfcorpus-dev  | nfcorpus-dev | nfcorpus-dev/topics.tsv  | nfcorpus-dev/qrels.txt
mediqa-dev    | mediqa-dev   | mediqa-dev/topics.tsv    | mediqa-dev/qrels.txt
'

usage() {
    echo "usage: benchmarks/features.sh [--reuse-indexes] [--runs N]   (about 5 minutes at 3 runs)"
    usage_common
}

RUNS=3
start_benchmark features "$@"

# Read the two tables (fields trimmed).
labels=() flag_lists=()
while IFS='|' read -r label flags; do
    label=$(echo "$label" | xargs)
    [ -n "$label" ] || continue
    labels+=("$label")
    flag_lists+=("$(echo "$flags" | xargs)")
done <<<"$CONFIGURATIONS"
set_names=() set_dbs=() set_topics=() set_qrels=()
while IFS='|' read -r name index topics qrels; do
    name=$(echo "$name" | xargs)
    [ -n "$name" ] || continue
    read -r index topics qrels <<<"$index $topics $qrels"
    db=$(medsearch_index "$index")
    set_names+=("$name") set_dbs+=("$db") set_topics+=("$EVAL_DATA/$topics") set_qrels+=("$EVAL_DATA/$qrels")
done <<<"$SETS"

# Round by round, every configuration on every set: nDCG@10 (the same every round) and the query time.
declare -A ndcg seconds topic_count
for run in $(seq "$RUNS"); do
    for c in "${!labels[@]}"; do
        read -r -a flags <<<"${flag_lists[c]}"
        for s in "${!set_names[@]}"; do
            out=$WORK/c$c-s$s
            medsearch_eval "$out" --db "${set_dbs[s]}" --topics "${set_topics[s]}" --qrels "${set_qrels[s]}" \
                --metrics ndcg_cut.10 "${flags[@]}"
            value=$(metric_value "$out" ndcg_cut_10)
            time=$(retrieval_seconds "$out.log")
            ndcg[$c,$s]=$value
            seconds[$c,$s]+="$time "
            topic_count[$s]=$(topics_retrieved "$out.log")
        done
        echo "run $run/$RUNS: ${labels[c]}" >&2
    done
done

# Medians; every figure relative to the shipped ranking's (configuration 0) on the same set.
tsv=$WORK/features.tsv
printf '# measured %s at %s; seconds: query time of each of %s runs\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" "$RUNS" >"$tsv"
printf 'configuration\tflags\tset\ttopics\tndcg_cut_10\tmedian_seconds\tseconds\n' >>"$tsv"
declare -A median_seconds
for c in "${!labels[@]}"; do
    for s in "${!set_names[@]}"; do
        read -r -a times <<<"${seconds[$c,$s]}"
        median_seconds[$c,$s]=$(median "${times[@]}")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${labels[c]}" "${flag_lists[c]}" "${set_names[s]}" "${topic_count[$s]}" \
            "${ndcg[$c,$s]}" "${median_seconds[$c,$s]}" "${times[*]}" >>"$tsv"
    done
done

# All sets together: topics over the sum of the medians.
all_topics=0
for s in "${!set_names[@]}"; do all_topics=$((all_topics + topic_count[$s])); done
total_seconds() {
    local c=$1 sum=0 s
    for s in "${!set_names[@]}"; do sum=$(calc %.4f "$sum + ${median_seconds[$c,$s]}"); done
    echo "$sum"
}

{
    result_header "Ranking features: gain and cost"
    echo
    echo "Each row changes one thing in the shipped ranking. nDCG@10 on the tuning sets (Δ against the shipped"
    echo "ranking) and queries/s of \`medsearch eval --db\`, top 1000 (× the shipped ranking's speed; median of"
    echo "$RUNS runs, all rows interleaved). A feature pays off when switching it off loses more nDCG than"
    echo "the speed it gains."
    echo
    header="| change |"
    rule="|---|"
    for s in "${!set_names[@]}"; do
        header+=" ${set_names[s]} nDCG@10 (Δ) | q/s (×) |"
        rule+="---:|---:|"
    done
    echo "$header all ${#set_names[@]}: q/s (×) |"
    echo "$rule---:|"
    reference_total=$(total_seconds 0)
    for c in "${!labels[@]}"; do
        row="| ${labels[c]}${flag_lists[c]:+ \`${flag_lists[c]}\`} |"
        for s in "${!set_names[@]}"; do
            qps=$(calc %.0f "${topic_count[$s]} / ${median_seconds[$c,$s]}")
            if [ "$c" = 0 ]; then
                row+=" ${ndcg[$c,$s]} | $qps |"
            else
                row+=" ${ndcg[$c,$s]} ($(calc %+.4f "${ndcg[$c,$s]} - ${ndcg[0,$s]}")) |"
                row+=" $qps ($(calc %.2f "${median_seconds[0,$s]} / ${median_seconds[$c,$s]}")) |"
            fi
        done
        total=$(total_seconds "$c")
        if [ "$c" = 0 ]; then
            row+=" $(calc %.0f "$all_topics / $total") |"
        else
            row+=" $(calc %.0f "$all_topics / $total") ($(calc %.2f "$reference_total / $total")) |"
        fi
        echo "$row"
    done
    coarse=()
    for s in "${!set_names[@]}"; do
        read -r -a times <<<"${seconds[0,$s]}"
        if coarse_time "${times[0]}" && [ "$(calc %d "${median_seconds[0,$s]} < 2")" = 1 ]; then
            coarse+=("${set_names[s]}")
        fi
    done
    if [ ${#coarse[@]} -gt 0 ]; then
        echo
        echo "Note: this \`medsearch eval\` prints its query time to 0.1 s; on sets it answers in under 2 s"
        echo "(${coarse[*]}) the per-set speed ratios are coarse: read the \"all\" column."
    fi
    if [ "$RUNS" -gt 1 ]; then
        # The noise floor: how far the shipped ranking's own runs (all sets together) stray from its figure.
        spread=0
        for r in $(seq 0 $((RUNS - 1))); do
            sum=0
            for s in "${!set_names[@]}"; do
                read -r -a times <<<"${seconds[0,$s]}"
                sum=$(calc %.4f "$sum + ${times[r]}")
            done
            deviation=$(calc %.4f "$sum / $reference_total - 1")
            deviation=${deviation#-}
            spread=$(calc %.4f "$deviation > $spread ? $deviation : $spread")
        done
        echo
        echo "Noise: the shipped ranking's own runs (all sets together) stray up to $(calc %.0f "100 * $spread")% from"
        echo "the figure above; speed ratios closer to 1 than that are no measurable difference."
    fi
} | tee "$RESULTS_DIR/features.md"
cp "$tsv" "$RESULTS_DIR/features.tsv"
