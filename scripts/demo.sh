#!/usr/bin/env bash
# The main job on the bundled corpus: install, build, index corpus/articles, answer the seed question.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -rf build/corpus-index
build/medsearch index --db build/corpus-index corpus/articles
build/medsearch search --db build/corpus-index -k 5 "What is the cause of leukopenia?"
