#!/usr/bin/env bash
# Follow-up questions: medsearch on ../shared/eval/followup-dev asked four ways — as asked (each turn on its
# own), the first-turn baseline (each turn >= 2 with the session's first question appended), with context
# (`eval --conversational`: each session's turns in order, each seeing the earlier ones) and manual (every
# turn fully specified, the ceiling) — scored overall, per turn number and by the turn's place in the session.
# Headline figures count turns >= 2 only. The cost of context handling is the speed of the conversational run
# against the as-asked one on the first sessions, interleaved, medians. Writes results/followup.md and
# results/followup.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

readonly SET=followup-dev
readonly METRICS=ndcg_cut.10,recip_rank
readonly TIMING_SESSIONS=100  # sessions in the speed comparison (all of them take minutes per run)

# The conditions: name | label | topics (in the set's folder; "first-turn" is made below) | qrels | eval flags
# | peers' nDCG@10 for turns >= 2 (Lucene 8 BM25, Xapian as its examples use it, SQLite FTS5; from
# ../shared/README.md; "-" where they have none).
readonly CONDITIONS='
asked      | as asked                | topics.tsv        | qrels.txt        |                  | 0.0962 | 0.0967 | 0.0761
first-turn | first-turn baseline     | first-turn        | qrels.txt        |                  | 0.3566 | 0.3354 | 0.3307
context    | with context            | topics.tsv        | qrels.txt        | --conversational | -      | -      | -
manual     | manual (fully specified)| topics.manual.tsv | qrels.manual.txt |                  | 0.7573 | 0.7032 | 0.6823
'

usage() {
    echo "usage: benchmarks/followup.sh [--reuse-indexes] [--runs N]   (about 7 minutes)"
    usage_common
}

RUNS=5
start_benchmark followup "$@"
check_plain_xapian
readonly DATA=$EVAL_DATA/$SET
db=$(medsearch_index "$SET")
plain_db=$(plain_index "$SET")

# The first-turn baseline's topics: every turn >= 2 with its session's turn 1 appended ("first turn" is the
# session's first question, also after the session moves on to its second subject).
awk -F'\t' '
    function session(id) { return substr(id, 1, match(id, /_[^_]*$/) - 1) }
    function turn(id) { return substr(id, match(id, /_[^_]*$/) + 1) }
    NR == FNR { if (turn($1) == 1) first[session($1)] = $2; next }
    turn($1) == 1 { print; next }
    { print $1 "\t" $2 " " first[session($1)] }
' "$DATA/topics.tsv" "$DATA/topics.tsv" >"$WORK/first-turn.tsv"

# Each condition once over every session, per topic.
names=() labels=() peers=() plain_conditions=()
while IFS='|' read -r name label topics qrels flags lucene xapian fts5; do
    name=$(echo "$name" | xargs)
    [ -n "$name" ] || continue
    read -r topics qrels lucene xapian fts5 <<<"$topics $qrels $lucene $xapian $fts5"
    read -r -a flag_array <<<"$flags"
    [ "$topics" = first-turn ] && topics=$WORK/first-turn.tsv || topics=$DATA/$topics
    echo "evaluating $name ..." >&2
    medsearch_eval "$WORK/$name" --db "$db" --topics "$topics" --qrels "$DATA/$qrels" --metrics "$METRICS" \
        --per-query "${flag_array[@]}"
    if [ ${#flag_array[@]} = 0 ]; then  # plain Xapian has no context: it is measured on the other conditions
        "$PLAIN_XAPIAN_DIR/plain_search" "$plain_db" "$topics" "$WORK/plain-$name.run" 2>"$WORK/plain-$name.log" ||
            die "plain_search failed on $name"
        medsearch_eval "$WORK/plain-$name" --qrels "$DATA/$qrels" --run "$WORK/plain-$name.run" --metrics "$METRICS" --per-query
        plain_conditions+=("plain-$name")
    fi
    names+=("$name") labels+=("$(echo "$label" | xargs)") peers+=("$lucene | $xapian | $fts5")
done <<<"$CONDITIONS"

# Means per group of topics from the per-topic lines (4 decimals each, so means are within 0.00005):
# prints group<TAB>topics<TAB>nDCG@10<TAB>MRR for "turns>=2", "all", "turn N" and the turn's place in its
# session (from the qrels: a turn's subject is its relevant passage's document, the id before "_Sec").
group_means() {
    awk -F'\t' '
        function session(id) { return substr(id, 1, match(id, /_[^_]*$/) - 1) }
        function turn(id) { return substr(id, match(id, /_[^_]*$/) + 1) + 0 }
        function add(group, metric, value) {
            sum[group, metric] += value
            if (metric == "ndcg_cut_10") { count[group]++; if (!(group in seen)) { seen[group]; order[++groups] = group } }
        }
        NR == FNR { subject = $3; sub(/_Sec[0-9]+$/, "", subject); about[session($1), turn($1)] = subject; next }
        {
            metric = $1; sub(/ +$/, "", metric)
            if ($2 == "all" || (metric != "ndcg_cut_10" && metric != "recip_rank")) next
            s = session($2); t = turn($2)
            if (t == 1) place = "1 first turn of the session"
            else if (about[s, t] == about[s, 1]) place = "2 follow-up on the first subject"
            else if (about[s, t - 1] == about[s, 1]) place = "3 first turn on the second subject"
            else place = "4 follow-up on the second subject"
            if (t >= 2) add("turns>=2", metric, $3)
            add("all", metric, $3)
            add(sprintf("turn %d", t), metric, $3)
            add("place " place, metric, $3)
        }
        END {
            for (i = 1; i <= groups; i++) {
                g = order[i]
                printf "%s\t%d\t%.4f\t%.4f\n", g, count[g], sum[g, "ndcg_cut_10"] / count[g], sum[g, "recip_rank"] / count[g]
            }
        }
    ' FS=' ' "$DATA/qrels.txt" FS='\t' "$1" | sort -t"$(printf '\t')" -k1,1V
}

tsv=$WORK/followup.tsv
printf '# measured %s at %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'condition\tgroup\ttopics\tndcg_cut_10\trecip_rank\n' >>"$tsv"
for name in "${names[@]}" "${plain_conditions[@]}"; do
    group_means "$WORK/$name" | sed "s/^/$name\t/" >>"$tsv"
done

# The value of one condition's group: value CONDITION GROUP COLUMN (3 topics, 4 nDCG@10, 5 MRR).
value() {
    awk -F'\t' -v c="$1" -v g="$2" -v col="$3" '$1 == c && $2 == g { v = $col } END { if (v == "") exit 1; print v }' "$tsv" ||
        die "no $2 for $1"
}

# Speed: as asked against with context, on the first sessions, interleaved.
awk -F'\t' -v limit="$TIMING_SESSIONS" '{ s = substr($1, 1, match($1, /_[^_]*$/) - 1) }
    !(s in seen) { seen[s]; n++ } n <= limit' "$DATA/topics.tsv" >"$WORK/timing-topics.tsv"
asked_times=() context_times=()
for run in $(seq "$RUNS"); do
    medsearch_eval "$WORK/timing-asked" --db "$db" --topics "$WORK/timing-topics.tsv" --qrels "$DATA/qrels.txt" --metrics "$METRICS"
    asked_times+=("$(retrieval_seconds "$WORK/timing-asked.log")")
    medsearch_eval "$WORK/timing-context" --db "$db" --topics "$WORK/timing-topics.tsv" --qrels "$DATA/qrels.txt" \
        --metrics "$METRICS" --conversational
    context_times+=("$(retrieval_seconds "$WORK/timing-context.log")")
    echo "speed run $run/$RUNS: as asked ${asked_times[-1]} s, with context ${context_times[-1]} s" >&2
done
timing_topics=$(topics_retrieved "$WORK/timing-asked.log")
asked_median=$(median "${asked_times[@]}")
context_median=$(median "${context_times[@]}")
printf '# speed on %s topics (first %s sessions), seconds per run: as asked %s; with context %s\n' "$timing_topics" \
    "$TIMING_SESSIONS" "${asked_times[*]}" "${context_times[*]}" >>"$tsv"

{
    result_header "Follow-up questions"
    echo
    echo "\`$SET\`: $(value asked all 3) turns in $(cut -f1 "$DATA/topics.tsv" | sed 's/_[^_]*$//' | sort -u | wc -l) sessions;"
    echo "medsearch with the shipped ranking, top 1000. Headline: turns ≥ 2 ($(value asked 'turns>=2' 3) topics)."
    echo "\"first-turn baseline\": each turn ≥ 2 with the session's first question appended; \"with context\": \`eval"
    echo "--conversational\`; \"manual\": topics.manual.tsv with qrels.manual.txt. Peers' nDCG@10 from ../shared/README.md;"
    echo "\"plain Xapian here\": benchmarks/plain_xapian measured in this run (it should equal the Xapian column)."
    echo
    echo "| condition | nDCG@10 turns ≥ 2 | MRR turns ≥ 2 | nDCG@10 all turns | Lucene 8 BM25 | Xapian (examples) | SQLite FTS5 | plain Xapian here |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for i in "${!names[@]}"; do
        echo "| ${labels[i]} | **$(value "${names[i]}" 'turns>=2' 4)** | $(value "${names[i]}" 'turns>=2' 5) |" \
            "$(value "${names[i]}" all 4) | ${peers[i]//-/} | $(value "plain-${names[i]}" 'turns>=2' 4 2>/dev/null || true) |"
    done
    asked=$(value asked 'turns>=2' 4)
    echo
    echo "With context closes $(calc %.0f "100 * ($(value context 'turns>=2' 4) - $asked) / ($(value manual 'turns>=2' 4) - $asked)")%"
    echo "of the gap between \"as asked\" and \"manual\" (nDCG@10, turns ≥ 2); the first-turn baseline closes"
    echo "$(calc %.0f "100 * ($(value first-turn 'turns>=2' 4) - $asked) / ($(value manual 'turns>=2' 4) - $asked)")%."
    echo
    echo "Cost: with context answers $(calc %.0f "$timing_topics / $context_median") turns/s against"
    echo "$(calc %.0f "$timing_topics / $asked_median") as asked (**$(paired_ratio "${asked_times[*]}" "${context_times[*]}")×**; the first $TIMING_SESSIONS sessions,"
    echo "$timing_topics turns, medians of $RUNS runs each; the ratio is the median of the ratios within each run)."
    for table in turn place; do
        echo
        if [ "$table" = turn ]; then
            echo "nDCG@10 per turn number:"
            echo
            echo "| turn | topics |$(printf ' %s |' "${labels[@]}")"
        else
            echo "nDCG@10 by the turn's place in its session (a session's second subject starts at turn 4 or 5):"
            echo
            echo "| place | topics |$(printf ' %s |' "${labels[@]}")"
        fi
        echo "|---|---:|$(printf -- '---:|%.0s' "${labels[@]}")"
        while IFS=$'\t' read -r group count; do
            row="| ${group#place [0-9] } | $count |"
            for name in "${names[@]}"; do row+=" $(value "$name" "$group" 4) |"; done
            echo "$row"
        done < <(awk -F'\t' -v t="$table" '$1 == "asked" && index($2, t " ") == 1 { print $2 "\t" $3 }' "$tsv")
    done
} | tee "$RESULTS_DIR/followup.md"
cp "$tsv" "$RESULTS_DIR/followup.tsv"
