// Small ASCII text helpers every stage shares: white space, case folding of key words, trimming and word
// counts. ASCII only on purpose: they compare key words, tags and file names, and cut text at white space;
// what a reader sees or the index stores is folded by analysis/word_folding (Unicode) instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace medsearch {

// ASCII white space: space, tab, line feed, carriage return, form feed, vertical tab.
constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// 'A'-'Z' lowered; every other byte (UTF-8 sequences included) as it is. Independent of the C locale.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The text with 'A'-'Z' lowered.
std::string ascii_lower(std::string_view text);

// True when the texts are equal but for ASCII case.
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// The text without white space (is_space) at either end.
std::string_view trim(std::string_view text);

// Number of white-space separated words.
std::size_t count_words(std::string_view text);

}  // namespace medsearch
