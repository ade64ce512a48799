// Highlights are exact byte ranges: they cover the words of the passage that match the question's words,
// whole ("G-CSF" for the question "GCSF"), whatever the folding did ("μg" for "mcg", "Sjögren" for
// "sjogren"), and nothing else.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/utf8.h"
#include "query/highlight.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

using Words = std::vector<std::string>;

// The highlighted pieces of the snippet's text, in order.
Words highlighted(const Snippet& snippet) {
    Words pieces;
    for (const HighlightRange& range : snippet.highlights)
        pieces.push_back(snippet.text.substr(range.begin, range.end - range.begin));
    return pieces;
}

// Ranges are sorted, apart, inside the text, and start and end on character boundaries.
void check_well_formed(const Snippet& snippet) {
    std::size_t previous_end = 0;
    for (const HighlightRange& range : snippet.highlights) {
        CAPTURE(range.begin, range.end);
        CHECK(range.begin < range.end);
        CHECK(range.begin >= previous_end);
        REQUIRE(range.end <= snippet.text.size());
        CHECK_FALSE(find_invalid_utf8(snippet.text.substr(range.begin, range.end - range.begin)).has_value());
        previous_end = range.end;
    }
}

const Hit* find_hit(const SearchResults& results, const std::string& id) {
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(), [&](const Hit& h) { return h.id == id; });
    return hit == results.hits.end() ? nullptr : &*hit;
}

}  // namespace

TEST_CASE("a hit highlights exactly the question's words in its passage", "[query][highlight]") {
    static const test::SearchFixture fixture;
    // question, the passage ("<article>#<ordinal>"), the highlighted pieces in order
    const auto [question, id, expected] = GENERATE(table<std::string, std::string, Words>({
        {"GCSF", "tokens#1", {"G-CSF"}},
        {"GCSF", "tokens#2", {"GCSF"}},
        {"G-CSF", "tokens#1", {"G-CSF"}},
        {"G-CSF", "tokens#3", {"G", "CSF"}},
        {"6-MP", "tokens#4", {"6-MP"}},
        {"6-MP", "tokens#5", {"6MP"}},
        {"IL-6", "tokens#6", {"IL-6"}},
        {"COVID-19", "tokens#9", {"COVID-19"}},
        {"3.2%", "tokens#11", {"3.2%"}},
        {"beta-blocker", "tokens#12", {"β-blocker"}},
        {"β-blocker", "tokens#13", {"beta-blocker"}},
        {"beta-blocker", "tokens#14", {"Beta", "blockers"}},
        {"sjogren", "tokens#19", {"Sjögren"}},
        {"mcg", "tokens#19", {"μg"}},
        {"interferon-gamma", "tokens#19", {"interferon-γ"}},
        {"GCSF", "leukopenia#1", {"G-CSF"}},
        {"granulocyte colony stimulating factor", "leukopenia#1",
         {"factors", "granulocyte", "colony", "stimulating", "factor", "factors"}},
        {"white blood cells", "leukopenia#14", {"white", "blood", "cells"}},
        {"\"white blood cell\"", "leukopenia#2", {"white", "blood", "cell", "cells", "blood"}},
        {"infection", "leukopenia#3", {"infections"}},
        {"neupogen", "leukopenia#12", {"NEUPOGEN", "NEUPOGEN", "NEUPOGEN"}},
        {"azathioprine -fever", "leukopenia#10", {"Azathioprine"}},
        {"4000 cells", "leukopenia#2", {"cell", "4,000", "cells"}},
        {"mcg/kg/day", "leukopenia#8", {"mcg/kg/day"}},
    }));
    CAPTURE(question, id);
    SearchOptions options;
    options.limit = 100;
    const SearchResults results = fixture.search(question, options);
    const Hit* hit = find_hit(results, id);
    REQUIRE(hit != nullptr);
    CAPTURE(hit->snippet.text);
    check_well_formed(hit->snippet);
    CHECK(highlighted(hit->snippet) == expected);
}

TEST_CASE("every hit's highlights are well formed and only cover question words", "[query][highlight]") {
    static const test::SearchFixture fixture;
    const std::string question = GENERATE(as<std::string>{}, "What is the cause of leukopenia?", "G-CSF dose",
                                          "\"febrile neutropenia\" -antibiotics", "β-blocker Sjögren μg");
    CAPTURE(question);
    const SearchResults results = fixture.search(question);
    REQUIRE(!results.hits.empty());
    const Analyzer analyzer;
    // The plain check: a highlighted piece, analysed alone, yields one of the question's terms.
    std::vector<std::string> question_terms;
    for (const Concept& concept_ : results.question.concepts) {
        question_terms.insert(question_terms.end(), concept_.terms.begin(), concept_.terms.end());
        if (!concept_.joined.empty()) question_terms.push_back(concept_.joined);
    }
    for (const Hit& hit : results.hits) {
        CAPTURE(hit.id, hit.snippet.text);
        check_well_formed(hit.snippet);
        for (const std::string& piece : highlighted(hit.snippet)) {
            CAPTURE(piece);
            bool matches = false;
            for (const Token& token : analyzer.analyze(piece))
                matches = matches || std::find(question_terms.begin(), question_terms.end(), token.term) != question_terms.end();
            CHECK(matches);
        }
    }
}

TEST_CASE("highlight() marks words by their terms on the original bytes", "[query][highlight]") {
    const Analyzer analyzer;
    // text, the terms' source words (analysed to terms), the highlighted pieces
    const auto [text, words, expected] = GENERATE(table<std::string, std::string, Words>({
        {"G-CSF and GCSF and G CSF", "GCSF", {"G-CSF", "GCSF"}},
        {"Sjögren syndrome", "sjogren", {"Sjögren"}},
        {"5 μg daily", "mcg", {"μg"}},
        {"ÉCOLE and école", "ecole", {"ÉCOLE", "école"}},
        {"", "anything", {}},
        {"no match here", "leukopenia", {}},
        {"the and of", "the", {}},  // stopwords are never highlighted
        {"Leukopenia, leukopenic: LEUKOPENIA!", "leukopenia", {"Leukopenia", "LEUKOPENIA"}},
        {"白血球減少症 and leukopenia", "leukopenia", {"leukopenia"}},
    }));
    CAPTURE(text, words);
    std::vector<std::string> terms;
    for (const Token& token : analyzer.analyze(words)) terms.push_back(token.term);
    std::sort(terms.begin(), terms.end());
    const Snippet snippet = highlight(text, terms, analyzer);
    CHECK(snippet.text == text);
    check_well_formed(snippet);
    CHECK(highlighted(snippet) == expected);
}
