// The "html" format: an article page as a browser saves it (.html, .htm), parsed as browsers parse HTML,
// broken markup included, by libgumbo. Title from <h1> (else <title>), sections from <h2>, sub-headings
// from <h3>–<h6>, paragraphs, list items, figure and table captions, citation markers (<sup>, links to
// the reference list, "[n]") and the reference list itself; the page's chrome (navigation, scripts,
// styles, forms, cookie banners, the site's review and follow-up boxes) is left out. corpus/FORMAT.md
// has the whole mapping.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "readers/article.h"

namespace medsearch {

// HTML's parse grows with the nesting of unclosed elements: pages nested deeper than this, or with more
// elements than the next limit, are refused with a ParseError naming the line, before they are parsed.
inline constexpr std::size_t max_html_depth = 512;
inline constexpr std::size_t max_html_elements = 250'000;

// The article of one saved page; the id is the file name up to its first '.', as for `page`. `text` is
// the file's content (already checked to be UTF-8 text). Throws ParseError for a page without a title or
// past the limits above.
Article read_html(const std::filesystem::path& file, std::string_view text);

// True when the text starts like an HTML document ("<!DOCTYPE html", "<html", after white space and
// comments).
bool looks_like_html(std::string_view prefix);

}  // namespace medsearch
