#!/usr/bin/env bash
# Crash test of `medsearch index`: kills it with SIGKILL at random moments on a real corpus, and once each
# during neighbour linking (every article committed, some still awaiting their nearest articles) and
# during a commit (a thread in fdatasync while the passages database's version file is written, after the
# articles database committed the same batch: the moment between the two commits). After every kill each
# Xapian database under the index passes `xapian-check`, `stats` reads the index (or nothing was
# committed yet and every database is empty), and the committed article and passage counts never fall
# (articles in whole batches); a kill during linking leaves `stats` saying the nearest articles are
# incomplete. After the kills a run to the end must leave an index equal to one made without interruption:
# the same article ids, passage count, nearest-article lists and runs of the first topics (documents and
# passages). Writes benchmarks/results/crash-test.md (with --out FILE, FILE) and exits 1 on any failure.
#   scripts/crash-test.sh [--kills N] [--batch N] [--articles N] [--corpus PATH --format FORMAT]
#                         [--topics FILE --qrels FILE] [--out FILE]
# Default: 8 random kills of index --batch 100 on the first 800 articles of SciFact (a few minutes);
# --articles 0 takes the whole corpus (which may be a folder, e.g. one of MedQuAD's).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../benchmarks/common.sh"

kills=8
batch=100
articles_wanted=800
corpus=$EVAL_DATA/scifact/corpus.jsonl
format=beir
topics=$EVAL_DATA/scifact/topics.test.tsv
qrels=$EVAL_DATA/scifact/qrels.test.txt
out=$RESULTS_DIR/crash-test.md
arguments=("$@")
while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || [[ $1 == -h || $1 == --help ]] || die "$1 needs a value (see --help)"
    case $1 in
        --kills) kills=$2; shift ;;
        --batch) batch=$2; shift ;;
        --articles) articles_wanted=$2; shift ;;
        --corpus) corpus=$2; shift ;;
        --format) format=$2; shift ;;
        --topics) topics=$2; shift ;;
        --qrels) qrels=$2; shift ;;
        --out) out=$2; shift ;;
        -h | --help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
done
[[ $kills =~ ^[0-9]+$ && $batch =~ ^[1-9][0-9]*$ && $articles_wanted =~ ^[0-9]+$ ]] ||
    die "--kills, --batch and --articles take whole numbers"
[ -e "$corpus" ] || die "no corpus at $corpus (set MEDSEARCH_SHARED_DIR or give --corpus)"
[ -f "$topics" ] && [ -f "$qrels" ] || die "no topics or qrels at $topics, $qrels (give --topics and --qrels)"
command -v xapian-check >/dev/null && command -v xapian-delve >/dev/null ||
    die "xapian-check or xapian-delve is missing (Debian package xapian-tools)"
check_setup
COMMIT=$(measured_commit)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/medsearch-crash.XXXXXX")
running=""
cleanup() {
    if [ -n "$running" ]; then kill -KILL "$running" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The corpus indexed: the first --articles records of a JSON Lines file, under the file's own name (the
# articles' source is the file name), or the whole corpus as given.
if [ "$articles_wanted" -gt 0 ]; then
    [ -f "$corpus" ] || die "--articles takes the first records of one JSON Lines file; give --articles 0 for a folder"
    mkdir "$WORK/corpus"
    head -n "$articles_wanted" "$corpus" >"$WORK/corpus/$(basename "$corpus")"
    input=$WORK/corpus/$(basename "$corpus")
else
    input=$corpus
fi
head -n 100 "$topics" >"$WORK/topics"

# System call numbers of fsync and fdatasync (/proc/PID/task/TID/syscall), by architecture.
case $(uname -m) in
    x86_64) sync_calls='^(74|75)$' ;;
    aarch64 | riscv64) sync_calls='^(82|83)$' ;;
    *) die "no fsync/fdatasync numbers known for $(uname -m)" ;;
esac

log=()  # the report's table rows
# Failures are lines of a file, since checks also run in command substitutions (subshells).
fail() {
    echo "crash-test: FAILED: $*" >&2
    echo "$*" >>"$WORK/failures"
}
failures() { if [ -f "$WORK/failures" ]; then wc -l <"$WORK/failures"; else echo 0; fi; }
now() { date +%s.%N; }

# `stats` of DB, or nothing when it cannot read the index (not there yet, or not whole).
stats_of() { "$MEDSEARCH" stats --db "$1" 2>/dev/null || true; }
# One value from stats_of's text: field KEY ("articles", "passages", "nearest articles").
field_of() { awk -F'\t' -v key="$2" '$1 == key { print $2; exit }' <<<"$1"; }

# What stats_text says of the nearest articles, shortly: "complete" or "N articles awaiting".
nearest_state() {
    local state
    state=$(field_of "$stats_text" "nearest articles")
    echo "${state%% (*}"
}

# Starts index on DB in the background (its output in $WORK/index.log), as a simple command, so that
# $running is the program itself and not a shell around it.
start_index() {
    "$MEDSEARCH" index --db "$1" --format "$format" --batch "$batch" "$input" >"$WORK/index.log" 2>&1 &
    running=$!
}

# Kills the running index; sets outcome to whether it was still running ("killed") or had finished.
kill_index() {
    outcome=finished
    if kill -KILL "$running" 2>/dev/null; then outcome=killed; fi
    wait "$running" 2>/dev/null || true
    running=""
}

# Runs index on DB to the end.
index_to_end() {
    start_index "$1"
    local pid=$running
    running=""
    wait "$pid"
}

# Every Xapian database under the index path, checked; prints how many there are and how many documents
# they hold together.
check_databases() {
    local db=$1 what=$2 found=0 documents=0 database count
    while IFS= read -r database; do
        found=$((found + 1))
        if ! xapian-check "$database" >"$WORK/check.log" 2>&1; then
            fail "$what: xapian-check $database: $(tail -n 1 "$WORK/check.log")"
        fi
        count=$(xapian-delve "$database" 2>/dev/null | awk -F' = ' '$1 == "number of documents" { print $2 }')
        documents=$((documents + ${count:-0}))
    done < <(find "$db" -name iamglass -printf '%h\n' 2>/dev/null | sort)
    echo "$found $documents"
}

# After a kill: the databases check; stats reads the index, or no database holds a document yet (killed
# before the first commit); the committed counts are not below those before (articles in whole batches).
# Sets committed_articles, committed_passages and stats_text.
check_after_kill() {
    local db=$1 what=$2 databases documents
    read -r databases documents <<<"$(check_databases "$db" "$what")"
    stats_text=$(stats_of "$db")
    local articles passages
    articles=$(field_of "$stats_text" articles)
    passages=$(field_of "$stats_text" passages)
    if [ -z "$articles" ]; then
        if [ "$documents" -ne 0 ]; then fail "$what: stats cannot read an index whose $databases databases hold $documents documents"; fi
        articles=0 passages=0
    fi
    if [ "$articles" -lt "$committed_articles" ] || [ "$passages" -lt "$committed_passages" ]; then
        fail "$what: $articles articles and $passages passages committed, fewer than the $committed_articles and $committed_passages before"
    fi
    if [ "$articles" -ne "$total_articles" ] && [ $((articles % batch)) -ne 0 ]; then
        fail "$what: $articles articles committed, not whole batches of $batch"
    fi
    committed_articles=$articles committed_passages=$passages
}

# What must be equal between two indexes of the same corpus, one file each in DIR: the article ids, the
# passage count, the nearest articles of every article (the raw slot, by article id), the runs of the
# topics (documents and passages, 10 each).
index_facts() {
    local db=$1 dir=$2
    mkdir -p "$dir"
    xapian-delve -A Q -1 "$db/articles" | tail -n +2 >"$dir/article-ids"
    field_of "$(stats_of "$db")" passages >"$dir/passages"
    join -t $'\t' \
        <(xapian-delve -V0 -1 "$db/articles" | tail -n +2 | sed 's/:/\t/' | sort -t $'\t' -k1,1) \
        <(xapian-delve -V5 -1 "$db/articles" | tail -n +2 | sed 's/:/\t/' | sort -t $'\t' -k1,1) |
        cut -f2- | sort >"$dir/neighbours"
    local unit
    for unit in document passage; do
        "$MEDSEARCH" eval --db "$db" --topics "$WORK/topics" --qrels "$qrels" --run "$dir/run.$unit" -k 10 \
            --unit "$unit" --metrics ndcg_cut.10 >/dev/null 2>"$dir/eval.log" ||
            fail "eval of $db failed: $(tail -n 1 "$dir/eval.log")"
    done
}

# Runs index to the end on DB after the kills and compares the result with the uninterrupted index.
check_final() {
    local db=$1 what=$2 fact
    index_to_end "$db" || fail "$what: the run after the kills failed: $(tail -n 1 "$WORK/index.log")"
    check_databases "$db" "$what, run to the end" >/dev/null
    stats_text=$(stats_of "$db")
    [ "$(field_of "$stats_text" "nearest articles")" = complete ] ||
        fail "$what: after a run to the end stats says nearest articles: $(field_of "$stats_text" "nearest articles")"
    grep -q '^passages	behind' <<<"$stats_text" && fail "$what: after a run to the end stats says the passages are behind"
    index_facts "$db" "$WORK/facts-$(basename "$db")"
    for fact in article-ids passages neighbours run.document run.passage; do
        if ! cmp -s "$WORK/facts-reference/$fact" "$WORK/facts-$(basename "$db")/$fact"; then
            fail "$what: $fact differ from the uninterrupted run's ($(diff "$WORK/facts-reference/$fact" "$WORK/facts-$(basename "$db")/$fact" | grep -c '^[<>]') lines)"
        fi
    done
}

# The uninterrupted run: its time bounds the random kills; the last change of the committed article count
# (polling stats) is when linking starts.
echo "crash-test: uninterrupted run" >&2
script_start=$(now)
start=$(now)
start_index "$WORK/reference"
reference_pid=$running
all_committed=$start
seen=""
while kill -0 "$reference_pid" 2>/dev/null; do
    count=$(field_of "$(stats_of "$WORK/reference")" articles)
    if [ -n "$count" ] && [ "$count" != "$seen" ]; then
        seen=$count
        all_committed=$(now)
    fi
    sleep 0.1
done
running=""
wait "$reference_pid" || die "the uninterrupted run failed: $(tail -n 2 "$WORK/index.log")"
finish=$(now)
stats_text=$(stats_of "$WORK/reference")
total_articles=$(field_of "$stats_text" articles)
[ "$(field_of "$stats_text" "nearest articles")" = complete ] || die "the uninterrupted run left nearest articles incomplete"
run_seconds=$(calc %.1f "$finish - $start")
[ "$seen" = "$total_articles" ] || all_committed=$finish  # the last commit came between two polls
linking_seconds=$(calc %.1f "$finish - $all_committed")
index_facts "$WORK/reference" "$WORK/facts-reference"
log+=("| uninterrupted | | $total_articles articles, $(field_of "$stats_text" passages) passages in $run_seconds s (linking about $linking_seconds s) |")

# Random kills, all on one index, each run going on from what the last ones committed. Kill k comes at a
# random moment of the k-th of `kills` equal slices of the uninterrupted run's time, so the kills spread
# over reading, committing and linking, and the committed counts grow from kill to kill.
db=$WORK/random
committed_articles=0 committed_passages=0
for ((kill_number = 1; kill_number <= kills; kill_number++)); do
    delay=$(calc %.2f "$run_seconds * ($kill_number - 1 + $RANDOM / 32768) / $kills")
    start_index "$db"
    sleep "$delay"
    kill_index
    check_after_kill "$db" "random kill $kill_number"
    log+=("| random $kill_number | $outcome after $delay s | $committed_articles articles, $committed_passages passages committed; nearest articles $(nearest_state) |")
    echo "crash-test: random kill $kill_number: $outcome after $delay s, $committed_articles articles committed" >&2
done
check_final "$db" "random kills"
log+=("| random, run to the end | | equal to the uninterrupted index |")

# During linking: a fresh index, killed as soon as stats shows every article committed and linking
# under way (some articles have their nearest articles, some still await them).
db=$WORK/linking
committed_articles=0 committed_passages=0
start_index "$db"
seen_linking=""
while kill -0 "$running" 2>/dev/null; do
    stats_text=$(stats_of "$db")
    awaiting=$(field_of "$stats_text" "nearest articles" | awk '{ print $1 + 0 }')
    if [ "$(field_of "$stats_text" articles)" = "$total_articles" ] && [ "$awaiting" -gt 0 ] && [ "$awaiting" -lt "$total_articles" ]; then
        kill -KILL "$running"
        seen_linking="$awaiting"
        break
    fi
done
kill_index
check_after_kill "$db" "kill during linking"
[ -n "$seen_linking" ] || fail "kill during linking: index finished before linking was seen under way (linking took about $linking_seconds s)"
linking_state=$(nearest_state)
case $linking_state in
    *awaiting*) ;;
    *) fail "kill during linking: stats does not say the nearest articles are incomplete: '$linking_state'" ;;
esac
check_final "$db" "kill during linking"
log+=("| during linking | killed once stats showed $seen_linking of $total_articles awaiting | $committed_articles articles committed; stats: nearest articles $linking_state; run to the end: equal to the uninterrupted index |")

# During a commit: a fresh index committing every article, killed while one of its threads is in fsync or
# fdatasync on the passages database's new version file, that is after the articles database committed the
# batch and before the passages database has (glass writes v.tmp, syncs it, renames it over iamglass).
db=$WORK/commit
committed_articles=0 committed_passages=0
saved_batch=$batch
batch=1
start_index "$db"
caught=""
syncing_version_file() {  # whether a thread of $running is syncing $db/passages/v.tmp (builtins only: fast)
    local task call fd rest
    for task in /proc/"$running"/task/*/syscall; do
        read -r call fd rest <"$task" 2>/dev/null || continue
        if [[ $call =~ $sync_calls && $fd =~ ^0x[0-9a-f]+$ && "$db/passages/v.tmp" -ef /proc/$running/fd/$((fd)) ]]; then
            return 0
        fi
    done
    return 1
}
while kill -0 "$running" 2>/dev/null; do
    if syncing_version_file; then
        kill -KILL "$running"
        caught=yes
        break
    fi
done
kill_index
check_after_kill "$db" "kill during commit"
[ -n "$caught" ] || fail "kill during commit: no commit was caught in progress"
behind=no
grep -q '^passages	behind' <<<"$stats_text" && behind=yes
batch=$saved_batch
check_final "$db" "kill during commit"
log+=("| during a commit (--batch 1) | killed in fdatasync of passages/v.tmp | $committed_articles articles, $committed_passages passages committed; stats says the passages are behind the articles: $behind; run to the end: equal to the uninterrupted index |")

{
    echo "# Crash test"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$COMMIT\` ($("$MEDSEARCH" --version), $(build_type) build) on"
    echo "$(uname -m) with $(nproc) CPUs, by \`scripts/crash-test.sh${arguments[*]:+ ${arguments[*]}}\`: $kills random kills of"
    echo "\`index --batch $batch\` on ${articles_wanted/#0/all} articles of \`$corpus\` (format $format)."
    [ -n "${MEDSEARCH_COMMIT:-}" ] || [ -z "$(uncommitted_paths)" ] || echo "Uncommitted changes at the time: $(uncommitted_paths)."
    echo
    echo "Checked after every SIGKILL: each Xapian database under the index passes \`xapian-check\`; \`stats\` reads"
    echo "the index (or nothing was committed and every database is empty); the committed articles are whole"
    echo "batches and neither articles nor passages are fewer than before. Checked after each interrupted index"
    echo "is run again to the end: \`stats\` says the nearest articles are complete and the passages current, and"
    echo "the index equals the uninterrupted one: the same article ids, passage count, nearest-article lists of"
    echo "every article, and runs (top 10 documents and passages) of the first 100 topics of \`$topics\`."
    echo
    echo "| run | kill | result |"
    echo "|---|---|---|"
    printf '%s\n' "${log[@]}"
    echo
    echo "The whole test took $(calc %.0f "$(now) - $script_start") s."
    echo
    if [ "$(failures)" -eq 0 ]; then
        echo "Result: passed."
    else
        echo "Result: $(failures) failures:"
        sed 's/^/- /' "$WORK/failures"
    fi
} | sed "s|$(dirname "$EVAL_DATA")|../shared|g; s|$WORK|WORK|g" >"$out"
echo "crash-test: $(failures) failures; report in $out" >&2
[ "$(failures)" -eq 0 ]
