// Questions of any shape — empty, enormous, unbalanced quotes, operators, control characters, invalid
// UTF-8, other scripts — get an answer, never an exception or a crash; the answer is well formed.
#include <catch2/catch.hpp>

#include <chrono>

#include "common/utf8.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

std::string repeat(std::string_view piece, std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += piece;
    return text;
}

std::string distinct_words(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += "w" + std::to_string(i) + " ";
    return text;
}

// What a nasty question must give besides "no exception": anything, no hit, or some hits (every passage
// of the test index holds "leukopenia" in its title).
enum class Expect { anything, nothing, some };

}  // namespace

TEST_CASE("a question of any shape gets a well-formed answer", "[query][robustness]") {
    static const test::SearchFixture fixture;
    // a name for the report, the question, what it must find
    const auto [name, question, expect] = GENERATE(table<std::string, std::string, Expect>({
        {"empty", "", Expect::nothing},
        {"blanks", "   ", Expect::nothing},
        {"white space", "\t\n\r\v\f", Expect::nothing},
        {"unbalanced quote", "\"unbalanced", Expect::nothing},
        {"unbalanced quote before a word", "\"leukopenia", Expect::some},
        {"lone quote", "\"", Expect::nothing},
        {"empty quotes", "\"\"", Expect::nothing},
        {"three quotes", "\"\"\" leukopenia", Expect::anything},
        {"boolean words", "AND OR NOT", Expect::anything},
        {"boolean words and a word", "leukopenia AND NOT OR", Expect::some},
        {"brackets", "((((", Expect::nothing},
        {"closing brackets", "))))leukopenia((((", Expect::some},
        {"dash", "-", Expect::nothing},
        {"two dashes", "--", Expect::nothing},
        {"dash space dash", "- - -", Expect::nothing},
        {"only an exclusion", "-leukopenia", Expect::nothing},
        {"exclusion of a phrase", "-\"white blood\"", Expect::nothing},
        {"exclusion and a word", "leukopenia -neutropenia", Expect::some},
        {"control characters", "a\x01" "b\x1b[31m", Expect::anything},
        {"control characters around a word", "\x07leukopenia\x1b", Expect::some},
        {"a colour escape glued to a word", "\x1b[31mleukopenia\x1b[0m", Expect::anything},  // "31mleukopenia" is one word
        {"NUL byte", std::string("leuko\0penia", 11), Expect::anything},
        {"invalid UTF-8", "\xff\xfe", Expect::nothing},
        {"truncated UTF-8", "leukopenia \xc3", Expect::some},
        {"overlong UTF-8", "\xc0\xaf leukopenia", Expect::some},
        {"surrogate", "\xed\xa0\x80 leukopenia", Expect::some},
        {"Japanese", "白血球減少症の原因は?", Expect::anything},
        {"Russian", "лейкопения", Expect::nothing},
        {"Arabic and right-to-left override", "\u202e\u0642\u0644\u0629 leukopenia", Expect::some},
        {"combining marks", repeat("e\u0301", 3000), Expect::anything},
        {"zero-width joiners", "leuko\u200dpenia \u200b", Expect::anything},
        {"emoji", "\U0001FA78\U0001F9A0 leukopenia \U0001F637", Expect::some},
        {"only emoji", "\U0001F637\U0001F637\U0001F637", Expect::nothing},
        {"NEAR operator", "NEAR/3 leukopenia", Expect::some},
        {"wildcard", "leukopenia*", Expect::some},
        {"field syntax", "title:leukopenia", Expect::some},
        {"plus and tilde", "+leukopenia ~neutropenia^2", Expect::some},
        {"regex", ".*(leukopenia|x)+$", Expect::some},
        {"SQL", "'; DROP TABLE passages; --", Expect::anything},
        {"1 MB of words", repeat("leukopenia ", 1u << 20), Expect::some},
        {"1 MB of one word", repeat("a", 1u << 20), Expect::nothing},
        {"1 MB of quotes", repeat("\"", 1u << 20), Expect::nothing},
        {"1 MB of exclusions", repeat("-a ", 1u << 20), Expect::nothing},
        {"1 MB of brackets", repeat("(", 1u << 20), Expect::nothing},
        {"1 MB of hyphens in a compound", "G" + repeat("-G", 1u << 19), Expect::anything},
        {"1 MB of 4-byte characters", repeat("\U0001F637", 1u << 20), Expect::nothing},
        {"1 MB of Japanese", repeat("白血球", 1u << 20), Expect::anything},
        {"a thousand distinct words", distinct_words(1000) + "leukopenia", Expect::anything},
    }));
    CAPTURE(name);
    const auto start = std::chrono::steady_clock::now();
    SearchResults results;
    SearchOptions options;
    options.limit = 50;
    options.facets = true;
    REQUIRE_NOTHROW(results = fixture.search(question, options));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 10);

    CHECK_FALSE(find_invalid_utf8(results.question.text).has_value());
    CHECK(results.question.text.size() <= QuestionOptions{}.max_bytes);
    CHECK_FALSE(find_invalid_utf8(results.suggestion).has_value());
    for (const Hit& hit : results.hits) {
        CHECK(hit.snippet.text.size() > 0);
        for (const HighlightRange& range : hit.snippet.highlights) CHECK(range.end <= hit.snippet.text.size());
    }
    switch (expect) {
        case Expect::nothing:
            CHECK(results.hits.empty());
            break;
        case Expect::some:
            CHECK_FALSE(results.hits.empty());
            break;
        case Expect::anything:
            break;
    }
}

TEST_CASE("an enormous question is cut to its beginning and says so", "[query][robustness]") {
    const Analyzer analyzer;
    const std::string question = "leukopenia " + repeat("neutropenia ", 1u << 20);
    const Question parsed = parse_question(question, analyzer);
    CHECK(parsed.truncated);
    CHECK(parsed.text.size() <= QuestionOptions{}.max_bytes);
    CHECK(parsed.concepts.size() <= QuestionOptions{}.max_concepts);
    REQUIRE_FALSE(parsed.concepts.empty());
    CHECK(parsed.concepts.front().terms == std::vector<std::string>{"leukopenia"});

    // The cut never splits a character.
    const Question multibyte = parse_question(repeat("\u00e9", 5000), analyzer);
    CHECK(multibyte.truncated);
    CHECK_FALSE(find_invalid_utf8(multibyte.text).has_value());
}
