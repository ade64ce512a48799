# shellcheck shell=bash
# What every benchmark script shares: where the programs, the data and the work folder are, building the
# indexes, running `medsearch eval` and reading its numbers, medians, and the header of a result file.
# Sourced by the scripts beside it; not run on its own.
#
# Environment:
#   MEDSEARCH            the medsearch binary (default: build/medsearch under the repository root)
#   PLAIN_XAPIAN_DIR     where plain_index and plain_search are (default: benchmarks/ beside the binary)
#   MEDSEARCH_SHARED_DIR the shared data (default: ../shared from the repository root)
#   MEDSEARCH_BENCH_DIR  work folder for indexes, runs and logs (default: /tmp/medsearch-bench)
#   MEDSEARCH_COMMIT     the commit the binary was built from, when it is not this checkout as it stands (e.g. a
#                        clean `git archive` build); by default HEAD, "-dirty" with uncommitted changes
shopt -s inherit_errexit

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO_ROOT
MEDSEARCH=${MEDSEARCH:-$REPO_ROOT/build/medsearch}
PLAIN_XAPIAN_DIR=${PLAIN_XAPIAN_DIR:-$(dirname "$MEDSEARCH")/benchmarks}
readonly EVAL_DATA=${MEDSEARCH_SHARED_DIR:-$REPO_ROOT/../shared}/eval
readonly BENCH_DIR=${MEDSEARCH_BENCH_DIR:-/tmp/medsearch-bench}
readonly RESULTS_DIR=$REPO_ROOT/benchmarks/results

REUSE_INDEXES=0  # --reuse-indexes: keep indexes a previous run built completely
RUN_ID="$$-$(date +%s)"  # indexes built by this run are reused within it
readonly RUN_ID
RUNS=5           # --runs N: timed repetitions (medians are reported)

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

usage_common() {
    cat <<EOF
Options:
  --reuse-indexes  reuse the indexes a previous run built in \$MEDSEARCH_BENCH_DIR ($BENCH_DIR)
                   instead of rebuilding them (they are rebuilt by default)
  --runs N         timed repetitions, interleaved; medians are reported (default $RUNS)
  -h, --help       this text
Environment: MEDSEARCH (binary, default build/medsearch), PLAIN_XAPIAN_DIR, MEDSEARCH_SHARED_DIR,
MEDSEARCH_BENCH_DIR, MEDSEARCH_COMMIT (see common.sh).
EOF
}

# Reads the options every script takes; `usage` is the calling script's help function.
parse_common_args() {
    while [ $# -gt 0 ]; do
        case $1 in
            --reuse-indexes) REUSE_INDEXES=1 ;;
            --runs)
                if [ $# -lt 2 ] || ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then die "--runs needs a positive number"; fi
                RUNS=$2
                shift
                ;;
            -h | --help) usage; exit 0 ;;
            *) die "unknown argument '$1' (see --help)" ;;
        esac
        shift
    done
}

# Checks the programs and data a script needs; makes paths absolute and the work folder.
check_setup() {
    [ -x "$MEDSEARCH" ] || die "no medsearch binary at $MEDSEARCH (build it, or set MEDSEARCH)"
    MEDSEARCH=$(realpath "$MEDSEARCH")
    [ -d "$EVAL_DATA" ] || die "no evaluation data at $EVAL_DATA (set MEDSEARCH_SHARED_DIR)"
    mkdir -p "$BENCH_DIR" "$RESULTS_DIR"
}

check_plain_xapian() {
    if ! [ -x "$PLAIN_XAPIAN_DIR/plain_index" ] || ! [ -x "$PLAIN_XAPIAN_DIR/plain_search" ]; then
        die "no plain_index/plain_search in $PLAIN_XAPIAN_DIR (build the benchmarks/ targets, or set PLAIN_XAPIAN_DIR)"
    fi
    PLAIN_XAPIAN_DIR=$(realpath "$PLAIN_XAPIAN_DIR")
}

# What every script does first: read its options, check the programs and data, note the commit measured,
# make its work folder ($WORK: $BENCH_DIR/work/NAME). Call as `start_benchmark NAME "$@"`.
start_benchmark() {
    local name=$1
    shift
    SCRIPT_ARGS=("$@")
    parse_common_args "$@"
    check_setup
    COMMIT=$(measured_commit)
    WORK=$BENCH_DIR/work/$name
    mkdir -p "$WORK"
}

# Tracked files that differ from the commit, outside benchmarks/results (which the scripts rewrite).
uncommitted_paths() {
    git -C "$REPO_ROOT" status --porcelain --untracked-files=no -- . ':!benchmarks/results' | cut -c4- | paste -sd' ' -
}

# The commit measured: $MEDSEARCH_COMMIT if set, else HEAD's short hash, "-dirty" when uncommitted_paths lists
# anything.
measured_commit() {
    local commit
    if [ -n "${MEDSEARCH_COMMIT:-}" ]; then
        echo "$MEDSEARCH_COMMIT"
        return
    fi
    commit=$(git -C "$REPO_ROOT" rev-parse --short HEAD)
    [ -z "$(uncommitted_paths)" ] || commit+="-dirty"
    echo "$commit"
}

# The CMake build type of the binary's build folder, when it has one.
build_type() {
    local cache
    cache=$(dirname "$MEDSEARCH")/CMakeCache.txt
    if [ -f "$cache" ]; then
        sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache"
    else
        echo "unknown"
    fi
}

# The lines every result file starts with: what was measured, when, with what.
result_header() {
    local title=$1
    echo "# $title"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$COMMIT\` ($("$MEDSEARCH" --version), $(build_type) build"
    echo "of $(date -u -r "$MEDSEARCH" '+%Y-%m-%d %H:%M UTC')) on $(uname -m) with $(nproc) CPUs, by"
    echo "\`benchmarks/$(basename "$0")${SCRIPT_ARGS[*]:+ ${SCRIPT_ARGS[*]}}\`."
    [ -n "${MEDSEARCH_COMMIT:-}" ] || [ -z "$(uncommitted_paths)" ] || echo "Uncommitted changes at the time: $(uncommitted_paths)."
}

# Builds one engine's index (medsearch, or plain for the plain Xapian baseline) of one evaluation set (a
# folder of $EVAL_DATA with corpus.jsonl) unless this run built it or, with --reuse-indexes, an earlier run
# built it completely with the same indexing program (an index is only read by the build that wrote it).
# A VARIANT name and medsearch index FLAGS after it build a variant index in its own folder. Prints the
# index folder.
build_index() {
    local engine=$1 set=$2 variant=${3:-}
    local flags=("${@:4}")
    local db=$BENCH_DIR/$engine${variant:+-$variant}/$set indexer
    case $engine in
        medsearch) indexer=("$MEDSEARCH" index --db "$db" "${flags[@]}") ;;
        plain) indexer=("$PLAIN_XAPIAN_DIR/plain_index" "$db") ;;
        *) die "no engine named $engine" ;;
    esac
    local program
    program=$(cksum <"${indexer[0]}" | cut -d' ' -f1)
    if [ -f "$db.complete" ]; then
        local run built_by
        read -r run built_by <"$db.complete"
        if [ "$run" = "$RUN_ID" ] || { [ "$REUSE_INDEXES" = 1 ] && [ "$built_by" = "$program" ]; }; then
            echo "$db"
            return
        fi
        [ "$REUSE_INDEXES" = 0 ] || echo "$db was built by another $engine binary: rebuilding" >&2
    fi
    rm -rf -- "$db" "$db.complete"
    mkdir -p "$(dirname "$db")"
    echo "indexing $set ($engine${variant:+, $variant}) ..." >&2
    "${indexer[@]}" "$EVAL_DATA/$set/corpus.jsonl" >&2 || die "indexing $set with $engine failed"
    echo "$RUN_ID $program" >"$db.complete"
    echo "$db"
}

medsearch_index() { build_index medsearch "$1"; }

# The tuning sets (never the test sets) that the ranking scripts measure on: name | index (folder of
# $EVAL_DATA) | topics | qrels.
readonly TUNING_SETS='
scifact train | scifact      | scifact/topics.train.tsv | scifact/qrels.train.txt
nfcorpus-dev  | nfcorpus-dev | nfcorpus-dev/topics.tsv  | nfcorpus-dev/qrels.txt
mediqa-dev    | mediqa-dev   | mediqa-dev/topics.tsv    | mediqa-dev/qrels.txt
'

# Reads TUNING_SETS into the arrays set_names, set_folders, set_topics and set_qrels (full paths).
read_tuning_sets() {
    set_names=() set_folders=() set_topics=() set_qrels=()
    local name index topics qrels
    while IFS='|' read -r name index topics qrels; do
        name=$(echo "$name" | xargs)
        [ -n "$name" ] || continue
        read -r index topics qrels <<<"$index $topics $qrels"
        set_names+=("$name") set_folders+=("$index") set_topics+=("$EVAL_DATA/$topics") set_qrels+=("$EVAL_DATA/$qrels")
    done <<<"$TUNING_SETS"
}

# Reads a table of "label | value" lines (blank lines skipped, fields trimmed) into two arrays named by
# the caller: read_labelled LABELS VALUES TEXT.
read_labelled() {
    local -n into_labels=$1 into_values=$2
    local label value
    while IFS='|' read -r label value; do
        label=$(echo "$label" | xargs)
        [ -n "$label" ] || continue
        into_labels+=("$label")
        into_values+=("$(echo "$value" | xargs)")
    done <<<"$3"
}

# The medsearch index of MedQuAD's articles (../shared/data/medquad), for passage search over sectioned
# articles; built as build_index builds the evaluation sets' indexes. Prints the index folder.
medquad_index() {
    local db=$BENCH_DIR/medsearch/medquad program
    program=$(cksum <"$MEDSEARCH" | cut -d' ' -f1)
    if ! [ -f "$db.complete" ] || [ "$(cut -d' ' -f2 "$db.complete")" != "$program" ]; then
        rm -rf -- "$db" "$db.complete"
        mkdir -p "$BENCH_DIR/medsearch"
        echo "indexing MedQuAD ..." >&2
        "$MEDSEARCH" index --db "$db" --format medquad "${EVAL_DATA%/eval}/data/medquad" >&2 || die "indexing MedQuAD failed"
        echo "$RUN_ID $program" >"$db.complete"
    fi
    echo "$db"
}
plain_index() { build_index plain "$1"; }

# Runs `medsearch eval ARGS...`: its trec_eval lines go to OUT, its stderr to OUT.log.
medsearch_eval() {
    local out=$1
    shift
    "$MEDSEARCH" eval "$@" >"$out" 2>"$out.log" || {
        cat "$out.log" >&2
        die "medsearch eval $* failed"
    }
}

# Runs `medsearch eval --metrics ndcg_cut.10 ARGS...` (output in OUT, as medsearch_eval) and prints
# "nDCG@10 query-seconds topics".
eval_ndcg_timed() {
    local out=$1
    shift
    medsearch_eval "$out" --metrics ndcg_cut.10 "$@"
    echo "$(metric_value "$out" ndcg_cut_10) $(retrieval_seconds "$out.log") $(topics_retrieved "$out.log")"
}

# Measures COUNT configurations (0 is the reference) on every tuning set (read_tuning_sets) for $RUNS rounds:
# round by round, set by set, the configurations of one set back to back, so each is compared with the
# reference measured moments before (load on a shared machine drifts over minutes). ARGS_OF C S must set the
# array eval_args to configuration C's `medsearch eval` arguments on set S. Fills the caller's associative
# arrays ndcg[C,S] (nDCG@10, the same every round), seconds[C,S] (the query times, space-separated) and
# topic_count[S]. Call as `measure_rounds COUNT ARGS_OF`.
# shellcheck disable=SC2034,SC2154  # the arrays are the caller's
measure_rounds() {
    local count=$1 args_of=$2 run s c result value time topics
    for run in $(seq "$RUNS"); do
        for s in "${!set_names[@]}"; do
            for ((c = 0; c < count; c++)); do
                "$args_of" "$c" "$s"
                result=$(eval_ndcg_timed "$WORK/c$c-s$s" "${eval_args[@]}")
                read -r value time topics <<<"$result"
                ndcg[$c,$s]=$value
                seconds[$c,$s]+="$time "
                topic_count[$s]=$topics
            done
            echo "run $run/$RUNS: ${set_names[s]}" >&2
        done
    done
}

# From measure_rounds' seconds: configuration C's query time in round R (from 0), summed over the sets named
# by index after it.
round_seconds() {
    local c=$1 r=$2 sum=0 s times
    shift 2
    for s in "$@"; do
        read -r -a times <<<"${seconds[$c,$s]}"
        sum=$(calc %.4f "$sum + ${times[r]}")
    done
    echo "$sum"
}

# Configuration C's speed against configuration 0's on the sets named by index after it, round by round.
speed_ratio() {
    local c=$1 r reference=() changed=()
    shift
    for r in $(seq 0 $((RUNS - 1))); do
        reference+=("$(round_seconds 0 "$r" "$@")")
        changed+=("$(round_seconds "$c" "$r" "$@")")
    done
    paired_ratio "${reference[*]}" "${changed[*]}"
}

# The query time a log reports ("... N topics retrieved in X s", medsearch eval and plain_search alike).
retrieval_seconds() {
    awk '/ topics retrieved in / { for (i = 1; i < NF; i++) if ($i == "in") seconds = $(i + 1) }
         END { if (seconds == "") exit 1; print seconds }' "$1" || die "no retrieval time in $1"
}

# Whether a printed time has one decimal at most (older `medsearch eval` printed tenths of a second).
coarse_time() {
    [[ $1 =~ ^[0-9]*(\.[0-9])?$ ]]
}

# How many topics a log says were retrieved.
topics_retrieved() {
    awk '/ topics retrieved in / { count = $2 } END { if (count == "") exit 1; print count }' "$1" || die "no topic count in $1"
}

# The `all` value of one trec_eval measure (printed name, e.g. ndcg_cut_10) in an eval output file.
metric_value() {
    awk -F'\t' -v name="$2" '{ n = $1; sub(/ +$/, "", n) } n == name && $2 == "all" { value = $3 }
         END { if (value == "") exit 1; print value }' "$1" || die "no $2 in $1"
}

# Mean nDCG@10 over the turns >= 2 of a topics file, from `eval --per-query` output.
later_turns_ndcg() {
    awk 'NR == FNR { asked[$1] = 1; next }
         { name = $1; sub(/ +$/, "", name) }
         name == "ndcg_cut_10" && ($2 in asked) { n = split($2, part, "_"); if (part[n] >= 2) { sum += $3; count++ } }
         END { printf "%.4f", sum / count }' "$1" "$2"
}

# The median of the numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The speed of B against A from times measured in pairs (one of each per round, back to back): the median of
# A's time over B's, round by round. Arguments: A's times and B's times, each one space-separated string.
paired_ratio() {
    local a b ratios=() i
    read -r -a a <<<"$1"
    read -r -a b <<<"$2"
    for i in "${!a[@]}"; do ratios+=("$(calc %.4f "${a[i]} / ${b[i]}")"); done
    calc %.2f "$(median "${ratios[@]}")"
}

# Arithmetic on decimals: calc FORMAT EXPRESSION (awk syntax), e.g. calc %.1f "300 / 5.9".
calc() {
    awk "BEGIN { printf \"$1\", ($2) }"
}
