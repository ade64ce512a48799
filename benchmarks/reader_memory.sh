#!/usr/bin/env bash
# Readers' memory: peak resident memory (GNU time's "Maximum resident set size") of reading files through
# the readers alone (benchmarks/readers/read_files) and of `medsearch index`, for the streamed formats at
# two sizes ten times apart (a PubMed baseline-sized file of 30,000 records built from the real record and
# PubMedQA, and a PubMedQA file of 60,000 records, 139 MB) and for the whole-file formats on their largest
# record (one 20 MB paragraph; one 16 MiB JSON Lines record). Writes results/reader_memory.md and .tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
    echo "usage: benchmarks/reader_memory.sh   (about 5 minutes)"
    usage_common
}

start_benchmark reader_memory "$@"
readonly TOOLS=$(dirname "$MEDSEARCH")/benchmarks/readers
readonly SHARED=$(dirname "$EVAL_DATA")
[ -x "$TOOLS/read_files" ] && [ -x "$TOOLS/make_reader_samples" ] || die "no read_files/make_reader_samples in $TOOLS (build the benchmarks/ targets)"
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time, Debian package 'time') is needed to read peak memory"

# Peak resident memory in MB of a command (its output goes to a log).
peak_mb() {
    local log=$WORK/peak.log
    /usr/bin/time -f '%M' -o "$WORK/peak.kb" "$@" >"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }
    calc %.1f "$(cat "$WORK/peak.kb") / 1024"
}
size_mb() { calc %.1f "$(stat -c %s "$1") / 1048576"; }

# The inputs, built from real material by committed commands.
"$TOOLS/make_reader_samples" pubmed --records 3000 --gzip --shared "$SHARED" "$WORK/pubmed-3000.xml.gz"
"$TOOLS/make_reader_samples" pubmed --records 30000 --gzip --shared "$SHARED" "$WORK/pubmed-30000.xml.gz"
"$TOOLS/make_reader_samples" pubmedqa --records 6000 --shared "$SHARED" "$WORK/pubmedqa-6000.json"
"$TOOLS/make_reader_samples" pubmedqa --records 60000 --shared "$SHARED" "$WORK/pubmedqa-60000.json"
sentence="A sentence of the one paragraph that never ends, written again. "
paragraph=$(head -c $((20 * 1048576)) < <(yes "$sentence" | tr -d '\n'))
printf 'Question?\n\nFrom the Research\n\n%s 1.\n' "$paragraph" >"$WORK/paragraph.txt"
printf '<!DOCTYPE html><h1>Question?</h1><h2>Section</h2><p>%s<sup>1</sup>.</p>\n' "$paragraph" >"$WORK/paragraph.html"
printf '<article><front><article-meta><title-group><article-title>Q</article-title></title-group></article-meta></front><body><sec><title>S</title><p>%s</p></sec></body></article>\n' "$paragraph" >"$WORK/paragraph.nxml"
printf '{"_id": "big", "title": "t", "text": "%s"}\n' "$(head -c $((16 * 1048576 - 64)) <<<"$paragraph")" >"$WORK/record.jsonl"

tsv=$WORK/reader_memory.tsv
printf '# measured %s at %s: peak resident memory (MB)\n' "$(date -u '+%Y-%m-%d')" "$COMMIT" >"$tsv"
printf 'input\tformat\tsize_mb\tcommand\tpeak_mb\n' >>"$tsv"
rows=()
measure() {  # input format command...
    local input=$1 format=$2
    shift 2
    local peak program
    program=$(basename "$1")
    [ "$program" != medsearch ] || program="medsearch index"
    peak=$(peak_mb "$@")
    printf '%s\t%s\t%s\t%s\t%s\n' "$(basename "$input")" "$format" "$(size_mb "$input")" "$program" "$peak" >>"$tsv"
    rows+=("| \`$(basename "$input")\` | $format | $(size_mb "$input") | $program | $peak |")
    echo "$(basename "$input") ($format, $program): $peak MB" >&2
}
for input in pubmed-3000.xml.gz pubmed-30000.xml.gz; do measure "$WORK/$input" pubmed "$TOOLS/read_files" "$WORK/$input"; done
for input in pubmedqa-6000.json pubmedqa-60000.json; do measure "$WORK/$input" pubmedqa "$TOOLS/read_files" "$WORK/$input"; done
measure "$WORK/paragraph.txt" page "$TOOLS/read_files" "$WORK/paragraph.txt"
measure "$WORK/paragraph.html" html "$TOOLS/read_files" "$WORK/paragraph.html"
measure "$WORK/paragraph.nxml" jats "$TOOLS/read_files" "$WORK/paragraph.nxml"
measure "$WORK/record.jsonl" beir "$TOOLS/read_files" "$WORK/record.jsonl"
for records in 3000 30000; do
    rm -rf "$WORK/db-$records"
    measure "$WORK/pubmed-$records.xml.gz" pubmed "$MEDSEARCH" index --db "$WORK/db-$records" "$WORK/pubmed-$records.xml.gz"
done

{
    result_header "Readers' memory"
    echo
    echo "Peak resident memory (GNU time's maximum resident set size) of reading each input through the readers"
    echo "alone (\`read_files\`: every article read and dropped) and of \`medsearch index\` (as shipped: batches of"
    echo "1000 articles, spelling dictionary, nearest-article links). The streamed formats are read at two sizes"
    echo "ten times apart; the formats read whole are read on one 20 MB paragraph (a page, an HTML page, a JATS"
    echo "article) and one 16 MiB JSON Lines record, the largest record each takes. PubMed files are built by"
    echo "\`make_reader_samples pubmed\` from the real record and PubMedQA's contexts (30,000 records gzipped, the"
    echo "size of a baseline file); PubMedQA files by \`make_reader_samples pubmedqa\` (its 1,000 records repeated)."
    echo
    echo "| input | format | size (MB) | program | peak memory (MB) |"
    echo "|---|---|---:|---|---:|"
    printf '%s\n' "${rows[@]}"
} >"$WORK/reader_memory.md"
cp "$WORK/reader_memory.md" "$RESULTS_DIR/reader_memory.md"
cp "$tsv" "$RESULTS_DIR/reader_memory.tsv"
cat "$RESULTS_DIR/reader_memory.md"
