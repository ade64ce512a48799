// The "pubmedqa" format: PubMedQA's ori_pqal.json, one JSON object keyed by PMID whose records hold
// QUESTION, CONTEXTS with their LABELS, LONG_ANSWER, MESHES and YEAR.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/reader.h"

namespace medsearch {

// Streams one article per record: id = PMID, title = QUESTION, one section per labelled context (its
// label as section name, the context as one passage), LONG_ANSWER as section "CONCLUSIONS", YEAR as
// `updated`, URL the PubMed page. MeSH terms are not names of the question, so they are not synonyms
// and are left out. A record of the wrong shape goes to sink.on_error (line 0, naming the PMID); JSON
// that does not parse throws ParseError naming the line.
void read_pubmedqa(const std::filesystem::path& file, std::string_view text, ArticleSink& sink);

// True when the start of a .json file looks like PubMedQA: an object of objects with QUESTION and
// CONTEXTS.
bool looks_like_pubmedqa(std::string_view prefix);

}  // namespace medsearch
