#!/usr/bin/env bash
# Ranking features, gain beside cost: for each change to the shipped ranking listed below, nDCG@10 on the
# tuning sets and queries/s, both against the shipped ranking measured in the same run (timings: median of
# --runs, every configuration interleaved round by round). Writes results/features.md and
# results/features.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The changes measured, one per line: label | `medsearch eval` flags. The first line is the reference (the
# shipped ranking, no flags); a later line without flags measures it again, to show the noise. Features on
# by default are switched off; features off by default (proximity) are switched on at a plausible
# setting; the other weighting models Xapian offers replace BM25 (BM25+ keeps its k1 and b). Names:
# `medsearch eval --help` (--ranking).
readonly CONFIGURATIONS='
shipped ranking                      |
passage evidence off                 | --ranking passage_weight=0
article evidence off                 | --ranking article_weight=0
title field off                      | --ranking fields.title=0
heading field off                    | --ranking fields.heading=0
section field off                    | --ranking fields.section=0
question words at full weight        | --ranking question_word_weight=1
bundled synonyms off                 | --no-bundled-synonyms
derivational variants off            | --ranking derivation_weight=0
sub-word evidence (4-grams) off      | --ranking ngram_weight=0
word pairs off                       | --ranking pair_weight=0
sub-word and pairs for all 1000      | --ranking evidence_depth=1000
sub-word: grams in <10% of articles  | --ranking ngram_max_document_share=0.1
neighbour smoothing off              | --ranking neighbour_weight=0
neighbour smoothing for every question | --ranking neighbour_min_words=0
feedback off                         | --ranking feedback.enabled=0
feedback for every question          | --ranking feedback.max_question_words=0
proximity on (weight 0.05)           | --ranking experimental.proximity_weight=0.05
weighting BM25+ (delta 1, same k1, b) | --ranking experimental.scheme=bm25_plus
weighting InL2 (divergence from randomness) | --ranking experimental.scheme=inl2
weighting PL2                        | --ranking experimental.scheme=pl2
weighting DPH                        | --ranking experimental.scheme=dph
weighting language model (LMWeight)  | --ranking experimental.scheme=language_model
shipped ranking again (noise)        |
'

usage() {
    echo "usage: benchmarks/features.sh [--reuse-indexes] [--runs N]   (about 10 minutes)"
    usage_common
}

RUNS=5
start_benchmark features "$@"

# Read the configurations; index the tuning sets.
labels=() flag_lists=()
read_labelled labels flag_lists "$CONFIGURATIONS"
read_tuning_sets
set_dbs=()
for s in "${!set_names[@]}"; do set_dbs+=("$(medsearch_index "${set_folders[s]}")"); done

# Every configuration on every set, round by round.
configuration_args() {
    local flags
    read -r -a flags <<<"${flag_lists[$1]}"
    eval_args=(--db "${set_dbs[$2]}" --topics "${set_topics[$2]}" --qrels "${set_qrels[$2]}" "${flags[@]}")
}
declare -A ndcg seconds topic_count
measure_rounds "${#labels[@]}" configuration_args

# The raw numbers.
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

all_topics=0
for s in "${!set_names[@]}"; do all_topics=$((all_topics + topic_count[$s])); done
{
    result_header "Ranking features: gain and cost"
    echo
    echo "Each row changes one thing in the shipped ranking. nDCG@10 on the tuning sets (Δ against the shipped"
    echo "ranking) and queries/s of \`medsearch eval --db\`, top 1000: median of $RUNS runs, and in brackets the"
    echo "speed against the shipped ranking's (median over the runs of the ratio within each run; every row of a"
    echo "set is run back to back). A feature pays off when switching it off loses more nDCG than the speed it gains."
    echo
    header="| change |"
    rule="|---|"
    for s in "${!set_names[@]}"; do
        header+=" ${set_names[s]} nDCG@10 (Δ) | q/s (×) |"
        rule+="---:|---:|"
    done
    echo "$header all ${#set_names[@]}: q/s (×) |"
    echo "$rule---:|"
    for c in "${!labels[@]}"; do
        row="| ${labels[c]}${flag_lists[c]:+ \`${flag_lists[c]}\`} |"
        total=0
        for s in "${!set_names[@]}"; do
            qps=$(calc %.0f "${topic_count[$s]} / ${median_seconds[$c,$s]}")
            total=$(calc %.4f "$total + ${median_seconds[$c,$s]}")
            if [ "$c" = 0 ]; then
                row+=" ${ndcg[$c,$s]} | $qps |"
            else
                row+=" ${ndcg[$c,$s]} ($(calc %+.4f "${ndcg[$c,$s]} - ${ndcg[0,$s]}")) |"
                row+=" $qps ($(speed_ratio "$c" "$s")) |"
            fi
        done
        row+=" $(calc %.0f "$all_topics / $total")"
        [ "$c" = 0 ] || row+=" ($(speed_ratio "$c" "${!set_names[@]}"))"
        echo "$row |"
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
    controls=()
    for c in "${!labels[@]}"; do
        [ "$c" = 0 ] || [ -n "${flag_lists[c]}" ] || controls+=("${labels[c]}")
    done
    if [ ${#controls[@]} -gt 0 ]; then
        echo
        echo "Noise: \"${controls[*]}\" measures the shipped ranking again; a speed ratio no farther from 1 than"
        echo "its ratio is no measurable difference."
    fi
} | tee "$RESULTS_DIR/features.md"
cp "$tsv" "$RESULTS_DIR/features.tsv"
