// Text hygiene shared by every reader: whitespace folding, sentence-end tests, and the one place a passage
// is tidied before it joins its article. The ASCII helpers every stage shares (trim, count_words,
// ascii_lower) are common/text.h's, which this header brings along for the readers.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "readers/article.h"

namespace medsearch {

// Runs of white space (ASCII white space and U+00A0 NO-BREAK SPACE) become one space; both ends trimmed.
std::string collapse_whitespace(std::string_view text);

// True when the text ends a sentence: '.', '!' or '?', possibly followed by closing quotes or brackets.
bool ends_sentence(std::string_view text);

// True when the last character is any punctuation that closes a clause (sentence ends, ':', ';', ',').
bool ends_with_clause_punctuation(std::string_view text);

// The ASCII digits of text, in order ("PMC3166277" -> "3166277").
std::string digits_of(std::string_view text);

// Appends value unless it is empty or already there (keeps first-seen order).
void add_unique(std::vector<std::string>& values, std::string value);

// The id of the one article a file holds: its name up to the first '.' ("leukopenia.page.txt" ->
// "leukopenia"), or the whole name when it starts with a '.'.
std::string article_id_from_file_name(const std::filesystem::path& file);

// The name of the folder that holds file, with "." and ".." resolved ("./corpus.jsonl" run in
// /data/scifact gives "scifact"); empty for a file at the root of the file system.
std::string folder_name_of(const std::filesystem::path& file);

// Tidies the passage (section, heading, lead-in and text folded with collapse_whitespace) and appends it to the
// article unless its text is empty.
void append_passage(Article& article, Passage passage);

}  // namespace medsearch
