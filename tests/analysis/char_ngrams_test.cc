#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/char_ngrams.h"
#include "tests/analysis/join.h"

using medsearch::character_ngrams;

namespace {

// The plain definition, one code point at a time: every run of n code points of "$word$".
std::vector<std::string> plain_ngrams(const std::u32string& word, std::size_t n) {
    std::vector<std::string> grams;
    if (word.size() < n) return grams;
    const std::u32string marked = U"$" + word + U"$";
    for (std::size_t first = 0; first + n <= marked.size(); ++first) {
        std::string gram;
        for (const char32_t c : marked.substr(first, n)) {
            if (c < 0x80) {
                gram += static_cast<char>(c);
            } else if (c < 0x800) {
                gram += static_cast<char>(0xC0 | (c >> 6));
                gram += static_cast<char>(0x80 | (c & 0x3F));
            } else {
                gram += static_cast<char>(0xE0 | (c >> 12));
                gram += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                gram += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        grams.push_back(gram);
    }
    return grams;
}

}  // namespace

TEST_CASE("a word's character n-grams run over the word with its start and end marked", "[analysis][ngrams]") {
    const auto [word, n, grams] = GENERATE(table<std::string, std::size_t, std::string>({
        {"cell", 4, "$cel cell ell$"},
        {"ribosome", 4, "$rib ribo ibos boso osom some ome$"},
        {"oct4", 4, "$oct oct4 ct4$"},
        {"abc", 4, ""},                    // shorter than n: the whole word matches already
        {"", 4, ""},
        {"abcde", 5, "$abcd abcde bcde$"},
        {"abcd", 5, ""},
        {"abc", 3, "$ab abc bc$"},
        {"abc", 0, ""},
        {"pkcζ", 4, "$pkc pkcζ kcζ$"},     // code points, not bytes
        {"λευκ", 4, "$λευ λευκ ευκ$"},
    }));
    CAPTURE(word, n);
    CHECK(medsearch::test::join(character_ngrams(word, n)) == grams);
}

TEST_CASE("character n-grams agree with the plain code-point definition", "[analysis][ngrams]") {
    const std::u32string word = GENERATE(as<std::u32string>{}, U"ribosomopathies", U"preosteoclasts", U"g", U"ab", U"3.2%",
                                         U"leukopenia", U"λευκοπενια", U"naïve", U"€uro", U"abcd");
    const std::size_t n = GENERATE(as<std::size_t>{}, 1, 2, 3, 4, 5, 8);
    std::string utf8;
    for (const std::string& part : plain_ngrams(word, 1)) utf8 += part;  // the word itself in UTF-8, marks included
    utf8 = utf8.substr(1, utf8.size() - 2);
    CAPTURE(utf8, n);
    CHECK(character_ngrams(utf8, n) == plain_ngrams(word, n));
}

TEST_CASE("words a stemmer keeps apart share n-grams, unrelated words none", "[analysis][ngrams]") {
    const auto [asked, written, shared_at_least] = GENERATE(table<std::string, std::string, std::size_t>({
        {"ribosomopathies", "ribosome", 4},
        {"osteoclasts", "preosteoclasts", 8},
        {"leukopenia", "leukocytes", 3},
        {"leukopenia", "aspirin", 0},
    }));
    CAPTURE(asked, written);
    const std::vector<std::string> a = character_ngrams(asked), b = character_ngrams(written);
    std::size_t shared = 0;
    for (const std::string& gram : a) shared += static_cast<std::size_t>(std::count(b.begin(), b.end(), gram) > 0);
    if (shared_at_least == 0) CHECK(shared == 0);
    else CHECK(shared >= shared_at_least);
}

TEST_CASE("invalid UTF-8 is cut byte by byte, never past the end", "[analysis][ngrams]") {
    const std::string word = GENERATE(std::string("ab\xC3"), std::string("\xE2\x82"), std::string("\xFF\xFE\xFD\xFC"),
                                      std::string("a\xF0\x9F\x98"));
    for (const std::string& gram : character_ngrams(word, 2)) CHECK(gram.size() <= word.size() + 2);
    CHECK_NOTHROW(character_ngrams(word));
}
