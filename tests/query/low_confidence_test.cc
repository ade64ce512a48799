// The low-confidence flag: set when the best passage shares no word of the question's subject with it
// (only question words), clear whenever it names the subject, in its text or in the fields about it.
#include <catch2/catch.hpp>

#include <string>

#include "tests/query/search_fixture.h"

namespace medsearch::test {
namespace {

TEST_CASE("a best passage that shares only question words with the question is flagged low-confidence", "[query][confidence]") {
    static const SearchFixture fixture;
    const auto [question, low] = GENERATE(table<std::string, bool>({
        // Nothing but question words and stopwords: whatever matches, it is not about anything asked.
        {"what is the", true},
        {"How do you know?", true},
        {"What should I do?", true},
        // The subject is in the best passage (its text, its title or its heading).
        {"What is the cause of leukopenia?", false},
        {"leukopenia", false},
        {"how is it treated leukopenia", false},
        {"neutropenia antibiotics", false},
    }));
    CAPTURE(question);
    const SearchResults results = fixture.search(question);
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.low_confidence == low);
}

TEST_CASE("a follow-up's subject carried by the context counts as the subject", "[query][confidence]") {
    static const SearchFixture fixture;
    const Searcher searcher(fixture.engine());
    SearchContext context;
    context.clauses.emplace_back("leukopenia");
    context.highlight_terms = {"leukopenia"};
    const SearchResults results = searcher.search(fixture.engine().parse("What should I do?"), {}, context);
    REQUIRE_FALSE(results.hits.empty());
    CHECK_FALSE(results.low_confidence);
}

}  // namespace
}  // namespace medsearch::test
