// The "jats" format: full-text articles in JATS XML as PubMed Central distributes them (.nxml): article
// ids and dates from <front>, the abstract and every <sec> of <body> at any depth as section › sub-heading,
// paragraphs, list items and table and figure captions as passages, in-text citations
// (<xref ref-type="bibr">) resolved to the numbers of the <ref-list>, which becomes the article's references.
// corpus/FORMAT.md has the whole mapping.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/reader.h"

namespace medsearch {

// Sections may nest at most this deep; a deeper one is a ParseError naming its line.
inline constexpr std::size_t max_jats_section_depth = 64;
// Blocks (sections, lists, boxes, paragraphs) may nest at most this deep, likewise.
inline constexpr std::size_t max_jats_block_depth = 256;

// Streams the file's articles to the sink: one for an <article> root, one per <article> of a
// <pmc-articleset>. `text` is the file's content (already checked to be UTF-8 text). Throws ParseError
// for XML that does not parse, another root element, or nesting deeper than the limits above.
void read_jats(const std::filesystem::path& file, std::string_view text, ArticleSink& sink);

// True when the XML's root element is JATS's <article> or PMC's <pmc-articleset>.
bool looks_like_jats(std::string_view prefix);

}  // namespace medsearch
