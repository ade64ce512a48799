// The "beir" format: BEIR's corpus.jsonl, {"_id", "title", "text"} per line. Ids are kept exactly as
// given; long texts are split into passages of a few sentences (readers/passage_splitter.h).
#pragma once

#include <filesystem>

#include "readers/passage_splitter.h"
#include "readers/reader.h"

namespace medsearch {

// Streams the file's articles to the sink; source is the name of the file's folder ("scifact"). Each text
// is cut into passages of passage_size. A bad line goes to sink.on_error with its line number.
void read_beir(const std::filesystem::path& file, ArticleSink& sink, const ChunkOptions& passage_size = {});

}  // namespace medsearch
