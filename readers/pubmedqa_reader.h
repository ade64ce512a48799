// The "pubmedqa" format: PubMedQA's ori_pqal.json, one JSON object keyed by PMID whose records hold
// QUESTION, CONTEXTS with their LABELS, LONG_ANSWER, MESHES and YEAR.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/reader.h"

namespace medsearch {

// Streams one article per record, parsing the file as it goes (nlohmann's SAX parser): only the record
// being read is held in memory, so a file of any size reads in memory bounded by its largest record. Each
// article: id = PMID, title = QUESTION, one section per labelled context (its label as section name, the
// context as one passage), LONG_ANSWER as section "CONCLUSIONS", YEAR as `updated` and `published`,
// MESHES as `mesh`, URL the PubMed page. A record of the wrong shape goes to sink.on_error (naming its
// line and PMID) and the others are read. JSON that does not parse, or a record longer than
// max_record_bytes, ends the file with a ParseError naming the line (the records before it are read).
void read_pubmedqa(const std::filesystem::path& file, ArticleSink& sink);

// True when the start of a .json file looks like PubMedQA: an object of objects with QUESTION and
// CONTEXTS.
bool looks_like_pubmedqa(std::string_view prefix);

}  // namespace medsearch
