#!/usr/bin/env bash
# Recreates corpus/articles/pmc/ from ../shared/data/jats: every article whose licence, as the file states
# it, lets us redistribute it — Creative Commons Attribution (not NonCommercial) or the public domain.
#   corpus/sample_pmc.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")"
shared="${1:-../../shared}"
out=articles/pmc
rm -rf "$out"
mkdir -p "$out"
for article in "$shared"/data/jats/*.nxml; do
    # The licence: its link, else its wording (PLoS states it in <license-p> or <copyright-statement>).
    permissions="$(tr '\n' ' ' < "$article" | grep -oE '<permissions>.*</permissions>|<copyright-statement>[^<]*</copyright-statement>' || true)"
    if grep -qE 'creativecommons\.org/(licenses/by/|publicdomain/)' <<< "$permissions" ||
       { grep -q 'Creative Commons Attribution License' <<< "$permissions" &&
         ! grep -qi 'non-commercial\|noncommercial' <<< "$permissions"; }; then
        cp "$article" "$out/"
    fi
done
ls "$out"
