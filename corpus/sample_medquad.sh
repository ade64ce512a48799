#!/usr/bin/env bash
# Recreates corpus/articles/medquad/ — the bundled MedQuAD sample — from the full release in
# ../shared/data/medquad. The selection is deterministic (byte-order sorting, fixed rules), so running it
# again gives the same files. Usage: corpus/sample_medquad.sh [path/to/shared]
#
# Rules:
#  1. Topic files: every answered file whose focus is about white cells, neutropenia, leukemia,
#     immunodeficiency, myelodysplasia, aplastic anemia or filgrastim (the demo asks "What is the cause of
#     leukopenia?"), up to 50 KB each.
#  2. Spread: in each of the nine source folders, of the remaining answered files of at most 20 KB in name
#     order, every k-th so that 25 are taken (k = candidates / 25; all of them when there are fewer).
# Files are copied unchanged into articles/medquad/<source folder>/.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
shared=${1:-"$here/../../shared"}
release="$shared/data/medquad"
out="$here/articles/medquad"
per_folder=25
topic_max_bytes=50000
spread_max_bytes=20000
topic='<(Focus|doctitle-focus)>[^<]*(leukopeni|neutropeni|leukemia|white blood|agranulocytosis|filgrastim|neutrophil|myelodysplastic|aplastic anemia|immunodeficiency|immune deficiency)'

[[ -d "$release" ]] || { echo "no MedQuAD release at $release" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

answered() { grep -qE '<[Aa]nswer>[^<[:space:]]' "$1"; }
size_of() { stat -c %s "$1"; }

for folder in "$release"/*/; do
    name=$(basename "$folder")
    mkdir -p "$out/$name"
    candidates=()
    for file in $(ls "$folder" | sort); do
        path="$folder$file"
        answered "$path" || continue
        size=$(size_of "$path")
        if grep -qiE "$topic" "$path" && (( size <= topic_max_bytes )); then
            cp "$path" "$out/$name/"
        elif (( size <= spread_max_bytes )); then
            candidates+=("$path")
        fi
    done
    count=${#candidates[@]}
    step=$(( count > per_folder ? count / per_folder : 1 ))
    taken=0
    for (( i = 0; i < count && taken < per_folder; i += step )); do
        cp "${candidates[$i]}" "$out/$name/"
        taken=$(( taken + 1 ))
    done
done

echo "$(find "$out" -name '*.xml' | wc -l) files, $(du -sh "$out" | cut -f1) in $out"
