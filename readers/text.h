// Text hygiene shared by every reader: whitespace folding, word counts, sentence-end tests, and the one
// place a passage is tidied before it joins its article.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "readers/article.h"

namespace medsearch {

// Runs of white space (ASCII white space and U+00A0 NO-BREAK SPACE) become one space; both ends trimmed.
std::string collapse_whitespace(std::string_view text);

// The text without white space at either end (ASCII white space only).
std::string_view trim(std::string_view text);

// Number of white-space separated words.
std::size_t count_words(std::string_view text);

// True when the text ends a sentence: '.', '!' or '?', possibly followed by closing quotes or brackets.
bool ends_sentence(std::string_view text);

// True when the last character is any punctuation that closes a clause (sentence ends, ':', ';', ',').
bool ends_with_clause_punctuation(std::string_view text);

// ASCII lower case (enough for matching English key words; the text itself is never lowered).
std::string ascii_lower(std::string_view text);

// The id of the one article a file holds: its name up to the first '.' ("leukopenia.page.txt" ->
// "leukopenia"), or the whole name when it starts with a '.'.
std::string article_id_from_file_name(const std::filesystem::path& file);

// Tidies the passage (section, heading and text folded with collapse_whitespace) and appends it to the
// article unless its text is empty.
void append_passage(Article& article, Passage passage);

}  // namespace medsearch
