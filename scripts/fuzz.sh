#!/usr/bin/env bash
# Builds every libFuzzer target of fuzz/ (clang, libraries instrumented, ASan+UBSan) and runs each for
# SECONDS (default 60) from its seed corpus. A crash stops that target, leaves its input in
# build-fuzz/findings/NAME/ and makes the script exit 1 after the others have run. The last line of each
# target is its summary: executions, executions per second, coverage (edges), features, corpus size.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# MEDSEARCH_FUZZ_BUILD names the build folder (default build-fuzz); CI shares it with the sanitized tests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
shared="${MEDSEARCH_SHARED_DIR:-../shared}"
build="${MEDSEARCH_FUZZ_BUILD:-build-fuzz}"
if [ ! -d "$shared/eval" ]; then
    echo "fuzz.sh: the data folder $shared is missing (set MEDSEARCH_SHARED_DIR): the seed corpora come from it" >&2
    exit 1
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" -DMEDSEARCH_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
# Everything is built: the pubmedqa and pubmed seeds are made by make_reader_samples of the same build.
cmake --build "$build" -j"$(nproc)" >/dev/null
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    for fuzzer in "$build"/fuzz/*_fuzzer; do targets+=("$(basename "$fuzzer" _fuzzer)"); done
fi

# Seeds of each target: real files, copied into its working corpus before the first run. FILE:BYTES takes
# the file's first whole lines up to BYTES, so that a large file seeds without slowing every execution.
seeds_of() {
    case "$1" in
        analyzer) printf "%s\n" "$shared/seed/leukopenia.txt" corpus/articles/leukopenia.md tests/fixtures/query/medical_tokens.md \
            "$shared/eval/scifact/corpus.jsonl:8192" "$shared/eval/nfcorpus-dev/corpus.jsonl:8192" ;;
        question|spelling) printf "%s\n" "$shared/eval/scifact/topics.train.tsv:4096" "$shared/eval/mediqa-dev/topics.tsv:4096" \
            "$shared/eval/followup-dev/topics.tsv:4096" tests/fixtures/query/medical_tokens.md ;;
        session) printf "%s\n" fuzz/seeds/session.json ;;
        topics) printf "%s\n" "$shared/eval/scifact/topics.test.tsv:8192" "$shared/eval/followup-dev/topics.tsv:8192" \
            tests/fixtures/eval/topics.tsv tests/fixtures/eval/topics.trec tests/fixtures/eval/queries.jsonl ;;
        qrels) printf "%s\n" "$shared/eval/scifact/qrels.test.txt" "$shared/eval/nfcorpus-dev/qrels.txt:8192" \
            "$shared/eval/mediqa-dev/qrels.txt:8192" "$shared/eval/reference/ties.qrels" \
            tests/fixtures/eval/qrels.trec tests/fixtures/eval/qrels.beir.tsv ;;
        run) printf "%s\n" "$shared/eval/reference/scifact.bm25.run:8192" "$shared/eval/reference/nfcorpus-dev.bm25.run:8192" \
            "$shared/eval/reference/ties.run" tests/fixtures/eval/malformed.run ;;
        synonyms) printf "%s\n" corpus/synonyms/curated.tsv corpus/synonyms/abbreviations.tsv:8192 \
            corpus/synonyms/medquad-focus.tsv:8192 ;;
        page) printf "%s\n" "$shared/seed/leukopenia.txt" tests/fixtures/leukopenia.page.txt ;;
        markdown) printf "%s\n" corpus/articles/leukopenia.md tests/fixtures/readers/article.md ;;
        json) printf "%s\n" tests/fixtures/readers/articles.jsonl ;;
        medquad) printf "%s\n" "$shared/data/medquad/2_GARD_QA/0000004.xml" "$shared/data/medquad/1_CancerGov_QA/0000001_1.xml" \
            "$shared/data/medquad/6_NINDS_QA/0000007.xml" ;;
        beir) printf "%s\n" "$shared/eval/scifact/corpus.jsonl:16384" "$shared/eval/nfcorpus-dev/corpus.jsonl:16384" \
            "$shared/eval/mediqa-dev/corpus.jsonl:16384" ;;
        pubmedqa) mkdir -p "$build/seeds"
            "$build/benchmarks/readers/make_reader_samples" pubmedqa --records 5 --shared "$shared" "$build/seeds/pubmedqa-5.json" \
                && echo "$build/seeds/pubmedqa-5.json" ;;
        jats) printf "%s\n" "$shared"/data/jats/*.nxml ;;
        pubmed) mkdir -p "$build/seeds"
            "$build/benchmarks/readers/make_reader_samples" pubmed --records 3 --deletions 2 --gzip --shared "$shared" \
                "$build/seeds/pubmed-3.xml.gz" && echo "$build/seeds/pubmed-3.xml.gz"
            printf "%s\n" "$shared/data/pubmed/pubmed-29768149.xml" ;;
        html) printf "%s\n" tests/fixtures/leukopenia.html tests/fixtures/readers/messy-article.html ;;
        *) ;;
    esac
}

# Copies one seed (FILE or FILE:BYTES) into the corpus folder under a name that keeps its origin.
copy_seed() {
    local seed="$1" corpus="$2" file="${1%:*}" bytes=""
    [ "$file" != "$seed" ] && bytes="${seed##*:}"
    if [ ! -f "$file" ]; then
        echo "fuzz.sh: seed $file is missing" >&2
        return 1
    fi
    local name
    name="$(echo "$file" | sed 's|^\.\./shared/||; s|/|_|g')"
    if [ -n "$bytes" ]; then
        awk -v limit="$bytes" '{ total += length($0) + 1; if (total > limit) exit; print }' "$file" > "$corpus/$name"
    else
        cp "$file" "$corpus/$name"
    fi
}

status=0
for name in "${targets[@]}"; do
    fuzzer="$build/fuzz/${name}_fuzzer"
    corpus="$build/corpus/$name"
    findings="$build/findings/$name"
    mkdir -p "$corpus" "$findings"
    while IFS= read -r seed; do
        copy_seed "$seed" "$corpus"
    done < <(seeds_of "$name")
    echo "== $name: ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$findings/" \
        -print_final_stats=1 "$corpus" 2> "$build/$name.log"; then
        echo "$name: FAILED (see $build/$name.log and $findings/)" >&2
        status=1
    fi
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$build/$name.log" | sed "s/^/   /" || true
    grep -E '^#[0-9]+' "$build/$name.log" | tail -1 | sed "s/^/   /" || true
done
exit "$status"
