// The shared ASCII helpers: white space, case folding that leaves UTF-8 alone, trimming, word counts.
#include <catch2/catch.hpp>

#include <string>

#include "common/text.h"

using namespace medsearch;

TEST_CASE("is_space is ASCII white space only", "[text]") {
    const auto [c, space] = GENERATE(table<char, bool>({
        {' ', true}, {'\t', true}, {'\n', true}, {'\r', true}, {'\f', true}, {'\v', true},
        {'a', false}, {'\0', false}, {'\xC2', false}, {'\xA0', false},  // U+00A0's bytes are not ASCII space
    }));
    CAPTURE(static_cast<int>(c));
    CHECK(is_space(c) == space);
}

TEST_CASE("ascii_lower lowers A-Z and leaves every other byte", "[text]") {
    const auto [text, lowered] = GENERATE(table<std::string, std::string>({
        {"MedQuAD", "medquad"},
        {"G-CSF 5%", "g-csf 5%"},
        {"\xC3\x89TUDE", "\xC3\x89tude"},  // É stays: only ASCII is folded
        {"", ""},
    }));
    CHECK(ascii_lower(text) == lowered);
}

TEST_CASE("equals_ignoring_ascii_case", "[text]") {
    CHECK(equals_ignoring_ascii_case("<TOP>", "<top>"));
    CHECK_FALSE(equals_ignoring_ascii_case("<top", "<top>"));
    CHECK_FALSE(equals_ignoring_ascii_case("\xC3\x89", "\xC3\xA9"));  // É and é differ outside ASCII
}

TEST_CASE("trim and count_words cut at ASCII white space", "[text]") {
    const auto [text, trimmed, words] = GENERATE(table<std::string, std::string, std::size_t>({
        {"  two words\t\n", "two words", 2},
        {"one", "one", 1},
        {" \r\n ", "", 0},
        {"", "", 0},
        {"a\fb\vc", "a\fb\vc", 3},
        {"non\xC2\xA0" "breaking", "non\xC2\xA0" "breaking", 1},  // U+00A0 joins, as in the text itself
    }));
    CAPTURE(text);
    CHECK(trim(text) == trimmed);
    CHECK(count_words(text) == words);
}
