#!/usr/bin/env bash
# Passage search in the words people use: indexes corpus/articles, asks the questions of the passage set
# (benchmarks/passage_set: MedQuAD's question types over the bundled articles, written in lay words, and
# hand-written questions about the seed article) with `medsearch eval --unit passage`, and writes nDCG@10 and
# success@1 on its dev and test parts, overall and per question type, to results/passages.md (raw numbers in
# results/passages.tsv). With BASELINE_MEDSEARCH set, that binary is measured the same way in the same run and
# every figure reads before -> after. dev may be used for tuning; test is held out (never tune on it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

readonly SET_DIR=$REPO_ROOT/benchmarks/passage_set
readonly ARTICLES=$REPO_ROOT/corpus/articles
readonly PARTS='dev test'
# Units retrieved per question. The measures read the first 10, but a run cut at 10 units can hold fewer
# (eval asks search for a few passages per unit wanted, and one unit's passages can take them all): at 100
# the figures equal those at 1000, in a tenth of the time.
readonly DEPTH=100

usage() {
    cat <<EOF
usage: benchmarks/passages.sh [--reuse-indexes]   (about 1 minute; twice that with a baseline)
Options:
  --reuse-indexes  reuse the index of corpus/articles an earlier run built with the same binary
                   (in \$MEDSEARCH_BENCH_DIR, $BENCH_DIR) instead of rebuilding it
  -h, --help       this text
Environment: MEDSEARCH (the binary measured, default build/medsearch); BASELINE_MEDSEARCH (a second binary,
e.g. a build of the commit before a change: both are measured and each figure reads before -> after);
BASELINE_COMMIT (the commit BASELINE_MEDSEARCH was built from, for the results); MEDSEARCH_BENCH_DIR,
MEDSEARCH_COMMIT (see common.sh). Needs python3 (benchmarks/passage_set/make_set.py).
EOF
}

# Not start_benchmark: this set is in the repository, so the shared evaluation data is not needed.
SCRIPT_ARGS=("$@")
parse_common_args "$@"
[ -x "$MEDSEARCH" ] || die "no medsearch binary at $MEDSEARCH (build it, or set MEDSEARCH)"
MEDSEARCH=$(realpath "$MEDSEARCH")
BASELINE=${BASELINE_MEDSEARCH:-}
if [ -n "$BASELINE" ]; then
    [ -x "$BASELINE" ] || die "no medsearch binary at BASELINE_MEDSEARCH=$BASELINE"
    BASELINE=$(realpath "$BASELINE")
fi
command -v python3 >/dev/null || die "python3 is needed to check the set (benchmarks/passage_set/make_set.py)"
COMMIT=$(measured_commit)
WORK=$BENCH_DIR/work/passages
mkdir -p "$WORK" "$RESULTS_DIR"

# The committed set must be what make_set.py writes from the corpus as it stands: otherwise the questions or
# the judgements measured are not the ones the README describes (a MedQuAD file added, a phrasing changed).
python3 "$SET_DIR/make_set.py" --out "$WORK" 2>"$WORK/make_set.log" || {
    cat "$WORK/make_set.log" >&2
    die "make_set.py failed"
}
for part in $PARTS; do
    for file in "topics.$part.tsv" "qrels.$part.txt"; do
        cmp -s "$WORK/$file" "$SET_DIR/$file" ||
            die "benchmarks/passage_set/$file differs from what make_set.py writes now: run it and commit the files"
    done
done

# The index of corpus/articles made by BINARY, in $BENCH_DIR/NAME/corpus-articles (an index is read only by
# the build that wrote it, so each binary gets its own), unless this run made it or, with --reuse-indexes, an
# earlier run made it completely with the same binary. Prints the folder.
articles_index() {
    local binary=$1 name=$2
    local db=$BENCH_DIR/$name/corpus-articles program run built_by
    program=$(cksum <"$binary" | cut -d' ' -f1)
    if [ -f "$db.complete" ]; then
        read -r run built_by <"$db.complete"
        if [ "$run" = "$RUN_ID" ] || { [ "$REUSE_INDEXES" = 1 ] && [ "$built_by" = "$program" ]; }; then
            echo "$db"
            return
        fi
    fi
    rm -rf -- "$db" "$db.complete"
    mkdir -p "$(dirname "$db")"
    echo "indexing corpus/articles ($name) ..." >&2
    "$binary" index --db "$db" "$ARTICLES" >"$db.log" 2>&1 || {
        cat "$db.log" >&2
        die "indexing corpus/articles with $binary failed"
    }
    echo "$RUN_ID $program" >"$db.complete"
    echo "$db"
}

# Every judged id must be a unit the binary's index reports: a unit named otherwise (a reader that changed
# how it names articles or pairs) would count as never found and lower the figures without a word.
check_ids() {
    local binary=$1 db=$2 name=$3
    python3 "$SET_DIR/make_set.py" --check "$db" --medsearch "$binary" 2>"$WORK/check-$name.log" || {
        cat "$WORK/check-$name.log" >&2
        die "judged ids that the index made by $name does not hold (see above)"
    }
}

# Scores one binary on one part: eval's per-question and mean lines in $WORK/NAME-PART, its log beside.
score() {
    local binary=$1 db=$2 name=$3 part=$4
    local out=$WORK/$name-$part
    "$binary" eval --db "$db" --unit passage --topics "$SET_DIR/topics.$part.tsv" --qrels "$SET_DIR/qrels.$part.txt" \
        --metrics ndcg_cut.10,success.1 -k "$DEPTH" --per-query >"$out" 2>"$out.log" || {
        cat "$out.log" >&2
        die "medsearch eval on $part failed ($binary)"
    }
}

# The rows of the raw table for one binary and part: the part as a whole (eval's means), then each question
# type: the MedQuAD qtype a topic id ends with ("NHLBI_0000069:causes"), "seed" for the seed article's
# hand-written questions ("leukopenia:seed03"). A question eval printed nothing for counts as 0, as in eval.
rows() {
    local label=$1 commit=$2 name=$3 part=$4
    local out=$WORK/$name-$part questions ndcg success
    questions=$(grep -c . "$SET_DIR/topics.$part.tsv")
    ndcg=$(metric_value "$out" ndcg_cut_10)
    success=$(metric_value "$out" success_1)
    printf '%s\t%s\t%s\tall\t%s\t%s\t%s\n' "$label" "$commit" "$part" "$questions" "$ndcg" "$success"
    awk -F'\t' -v label="$label" -v commit="$commit" -v part="$part" '
        function type_of(qid) { sub(/^.*:/, "", qid); return qid ~ /^seed/ ? "seed" : qid }
        NR == FNR { count[type_of($1)]++; next }
        { name = $1; sub(/ +$/, "", name) }
        $2 != "all" { sum[name, type_of($2)] += $3 }
        END {
            for (type in count)
                printf "%s\t%s\t%s\t%s\t%d\t%.4f\t%.4f\n", label, commit, part, type, count[type],
                    sum["ndcg_cut_10", type] / count[type], sum["success_1", type] / count[type]
        }' "$SET_DIR/topics.$part.tsv" "$out" | sort -t$'\t' -k4,4
}

tsv=$WORK/passages.tsv
printf '# measured %s at %s\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'binary\tcommit\tset\ttype\tquestions\tndcg_cut_10\tsuccess_1\n' >>"$tsv"
binaries=()
[ -z "$BASELINE" ] || binaries+=("before|$BASELINE|medsearch-baseline|${BASELINE_COMMIT:-unknown}")
binaries+=("after|$MEDSEARCH|medsearch|$COMMIT")
for entry in "${binaries[@]}"; do
    IFS='|' read -r label binary name commit <<<"$entry"
    db=$(articles_index "$binary" "$name")
    check_ids "$binary" "$db" "$name"
    for part in $PARTS; do
        echo "scoring $part ($name) ..." >&2
        score "$binary" "$db" "$name" "$part"
        rows "$label" "$commit" "$name" "$part" >>"$tsv"
    done
done

# The tables, from the raw numbers: one figure, or before -> after when a baseline was measured.
{
    result_header "Passage search in the words people use"
    echo
    echo "\`medsearch eval --unit passage\` over an index of corpus/articles, top $DEPTH units, scored as \`trec_eval"
    echo "-c\`: questions written in lay words rather than the articles' headings, each judged at the unit"
    echo "search ranks (a MedQuAD question-answer pair, \`<article>_Sec<pid>\`; a passage of the seed article,"
    echo "\`leukopenia#<ordinal>\`). dev may be used for tuning; **test is held out: never tune on it**. How the set"
    echo "is made: benchmarks/README.md, \"Passage set\"."
    if [ -n "$BASELINE" ]; then
        echo
        echo "Each figure reads before → after: before is BASELINE_MEDSEARCH (\`$("$BASELINE" --version)\`, commit"
        echo "\`${BASELINE_COMMIT:-unknown}\`), after the binary above, each on its own index of the same articles."
    fi
    echo
    awk -F'\t' '
        NR <= 2 { next }
        { key = $3 SUBSEP $4; if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
          questions[key] = $5; ndcg[$1, key] = $6; success[$1, key] = $7; commit[$1] = $2; before += ($1 == "before") }
        function show(value_before, value_after) { return before ? value_before " → " value_after : value_after }
        END {
            print "| set | questions | nDCG@10 | success@1 | commit |"
            print "|---|---:|---:|---:|---|"
            for (i = 1; i <= n; i++) {
                split(keys[i], part, SUBSEP)
                if (part[2] != "all") continue
                printf "| %s | %d | %s | %s | %s |\n", part[1], questions[keys[i]],
                    show(ndcg["before", keys[i]], "**" ndcg["after", keys[i]] "**"),
                    show(success["before", keys[i]], success["after", keys[i]]),
                    show("`" commit["before"] "`", "`" commit["after"] "`")
            }
            print ""
            print "Per question type (\"seed\": the hand-written questions about corpus/articles/leukopenia.md):"
            print ""
            print "| type | dev questions | dev nDCG@10 | dev success@1 | test questions | test nDCG@10 | test success@1 |"
            print "|---|---:|---:|---:|---:|---:|---:|"
            for (i = 1; i <= n; i++) {
                split(keys[i], part, SUBSEP)
                if (part[2] == "all" || (part[2] in done)) continue
                done[part[2]] = 1
                line = "| " part[2]
                for (p = 1; p <= 2; p++) {
                    key = (p == 1 ? "dev" : "test") SUBSEP part[2]
                    if (key in questions)
                        line = line sprintf(" | %d | %s | %s", questions[key], show(ndcg["before", key], ndcg["after", key]),
                                            show(success["before", key], success["after", key]))
                    else
                        line = line " | 0 | – | –"
                }
                print line " |"
            }
        }' "$tsv"
} | tee "$RESULTS_DIR/passages.md"
cp "$tsv" "$RESULTS_DIR/passages.tsv"
