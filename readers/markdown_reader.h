// The "markdown" format: an article written by hand (corpus/FORMAT.md): "# question", a small
// "key: value" metadata block, "## section", "### heading", paragraphs, "-"/"*" bullets, bracketed
// citations "[1]" and a "## References" list.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/article.h"

namespace medsearch {

// The article of one markdown file; throws ParseError naming the line for a missing title, a second
// title, an unknown metadata key or a reference entry without its number.
Article read_markdown(const std::filesystem::path& file, std::string_view text);

}  // namespace medsearch
