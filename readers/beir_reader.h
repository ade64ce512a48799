// The "beir" format: BEIR's corpus.jsonl, {"_id", "title", "text"} per line. Ids are kept exactly as
// given; long texts are split into passages of a few sentences (readers/passage_splitter.h).
#pragma once

#include <filesystem>
#include <string>

#include "readers/passage_splitter.h"
#include "readers/reader.h"

namespace medsearch {

// The source recorded for a BEIR file: the file's name up to its first '.' ("trec-covid.jsonl" ->
// "trec-covid"), except for BEIR's own name corpus.jsonl, which its folder names ("scifact/corpus.jsonl"
// -> "scifact"; "./corpus.jsonl" -> the current folder's name; "corpus" at the root).
std::string beir_source_name(const std::filesystem::path& file);

// Streams the file's articles to the sink, with the source beir_source_name(file). Each text is cut into
// passages of passage_size. A bad line goes to sink.on_error with its line number.
void read_beir(const std::filesystem::path& file, ArticleSink& sink, const ChunkOptions& passage_size = {});

}  // namespace medsearch
