// The "json" format: JSON Lines, one Article record per line (field names in corpus/FORMAT.md).
#pragma once

#include <filesystem>

#include "readers/reader.h"

namespace medsearch {

// Streams the file's articles to the sink; a bad line goes to sink.on_error with its line number.
void read_json_lines(const std::filesystem::path& file, ArticleSink& sink);

}  // namespace medsearch
