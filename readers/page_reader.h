// The "page" format: an article page saved as text from the browser (see corpus/FORMAT.md and
// tests/fixtures/leukopenia.page.txt). The question is the first line; page chrome is dropped; the
// sections "From the ..." hold sub-headings, paragraphs and "•" bullets with bare-number citations.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "readers/article.h"

namespace medsearch {

// The article of one saved page. `text` is the file's content (already checked to be UTF-8 text).
// Throws ParseError when the page has no title line.
Article read_page(const std::filesystem::path& file, std::string_view text);

// True when text looks like a saved page: it has a "From the ..." section line or a "Last updated" line.
bool looks_like_page(std::string_view text);

// Where a paragraph glued onto the end of a bullet starts, or npos. Saved pages lose the line break
// between a list's last bullet and the paragraph after it ("Bone marrow problems If medication-induced,
// discontinuing ..."). The split is made only where it is unambiguous: the bullet starts with a short
// noun phrase (1 to 6 words, no punctuation, not ending in a function word such as "of" or "with")
// followed by a capitalised word (capital then lower case: not an acronym), and what follows from that
// word on is a whole sentence or more (at least 5 words, ending with '.', '!' or '?'). The caller also
// requires that the bullet is the last of a list of at least two whose other bullets are phrases
// without final punctuation. Anything else stays one bullet.
std::size_t glued_paragraph_start(std::string_view bullet);

}  // namespace medsearch
