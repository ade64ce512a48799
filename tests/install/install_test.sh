#!/usr/bin/env bash
# cmake --install into a temporary prefix, then the installed program, run from another folder, indexes the
# seed article and answers the leukopenia question with the bundled synonyms; the man page and the bash
# completion are there; a copy of the program away from its data says so and names MEDSEARCH_DATA, and
# works once MEDSEARCH_DATA names the data.
#   tests/install/install_test.sh BUILD_DIR SEED_ARTICLE
set -euo pipefail
build=$1 seed=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
for file in bin/medsearch share/medsearch/synonyms/curated.tsv share/man/man1/medsearch.1 \
            share/bash-completion/completions/medsearch share/doc/medsearch/NOTICE.md; do
    [ -f "$scratch/prefix/$file" ] || fail "cmake --install did not install $file"
done
head -1 "$scratch/prefix/share/man/man1/medsearch.1" | grep -q '^\.TH MEDSEARCH 1' || fail "the man page has no .TH line"
grep -q "MEDSEARCH ask" "$scratch/prefix/share/man/man1/medsearch.1" || fail "the man page lacks the ask subcommand"
bash -n "$scratch/prefix/share/bash-completion/completions/medsearch" || fail "the bash completion does not parse"
(source "$scratch/prefix/share/bash-completion/completions/medsearch"
 COMP_WORDS=(medsearch search --ex); COMP_CWORD=2; _medsearch
 [ "${COMPREPLY[*]}" = "--explain" ] || fail "completing 'medsearch search --ex' gave '${COMPREPLY[*]}'")

mkdir "$scratch/elsewhere"
cd "$scratch/elsewhere"
unset MEDSEARCH_DATA
"$scratch/prefix/bin/medsearch" index --db db "$seed" >/dev/null 2>&1 || fail "the installed program could not index $seed"
answer=$("$scratch/prefix/bin/medsearch" search --db db --explain --color never -k 3 "What is the cause of leukopenia?")
grep -q "synonym of leukopenia" <<<"$answer" || fail "the installed program searched without the bundled synonyms: $answer"

cp "$scratch/prefix/bin/medsearch" "$scratch/elsewhere/alone"
if "$scratch/elsewhere/alone" search --db db leukopenia >/dev/null 2>"$scratch/error"; then
    fail "a program away from its data searched as if it had it"
fi
grep -q "MEDSEARCH_DATA" "$scratch/error" || fail "the missing data was not named: $(cat "$scratch/error")"
MEDSEARCH_DATA="$scratch/prefix/share/medsearch" "$scratch/elsewhere/alone" search --db db --explain -k 1 leukopenia |
    grep -q "synonym of leukopenia" || fail "MEDSEARCH_DATA did not lead the program to its data"
echo "install test: installed, run from elsewhere, with its data"
