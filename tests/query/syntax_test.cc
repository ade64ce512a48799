// The question syntax the README promises, one operator per row: "-word" and -"phrase" exclude, "phrase"
// requires the phrase (whatever feedback or synonyms add), "word*" expands a prefix, and a compound written
// with its letters and digits together ("alpha1-antitrypsin") meets the text that writes them apart.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "query/prefix_expansion.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Everything a hit shows of its passage, lower-cased.
std::string shown(const Hit& hit) { return lower(hit.title + " | " + hit.heading + " | " + hit.lead_in + " | " + hit.snippet.text); }

// A prefix or a single compound is a one-word question, which pseudo-relevance feedback widens: its own
// matches come first (first_hits_have: the first `at_least`), related passages after them.
enum class Expect { every_hit_has, no_hit_has, first_hits_have };

}  // namespace

TEST_CASE("each operator of the question syntax does what the README says", "[query][syntax]") {
    // Both fixture articles, and the syntax article; feedback is on, as shipped (it once bypassed "-word").
    static test::TempIndex index;
    static const bool indexed = [] {
        index.index({test::fixture("leukopenia.page.txt"), test::fixture("query/syntax.md")});
        return index.observer.errors.empty();
    }();
    REQUIRE(indexed);
    static const Engine engine(index.db(), test::test_engine_options());
    const Searcher searcher(engine);
    SearchOptions options;
    options.limit = 100;

    // the question, what every hit must (or no hit may) show, at least how many hits
    const auto [question, expect, text, at_least] = GENERATE(table<std::string, Expect, std::string, std::size_t>({
        {"leukopenia -neutropenia", Expect::no_hit_has, "neutropenia", 3},
        {"neutropenia -febrile", Expect::no_hit_has, "febrile", 1},
        {"leukopenia -\"febrile neutropenia\"", Expect::no_hit_has, "febrile neutropenia", 3},
        {"\"febrile neutropenia\"", Expect::every_hit_has, "febrile neutropenia", 2},
        {"\"febrile neutropenia\" antibiotics", Expect::every_hit_has, "febrile neutropenia", 2},
        {"leuko*", Expect::first_hits_have, "leuko", 2},
        {"leuko* -leukopenia", Expect::no_hit_has, "leukopenia", 1},  // the seed's title says leukopenia
        {"alpha1-antitrypsin", Expect::first_hits_have, "antitrypsin", 1},
    }));
    CAPTURE(question);
    const SearchResults results = searcher.search(question, options);
    CHECK(results.hits.size() >= at_least);
    for (std::size_t rank = 0; rank < results.hits.size(); ++rank) {
        const Hit& hit = results.hits[rank];
        CAPTURE(hit.id, shown(hit));
        const bool has = shown(hit).find(text) != std::string::npos;
        if (expect == Expect::no_hit_has) CHECK(!has);
        else if (expect == Expect::every_hit_has || rank < at_least) CHECK(has);
    }
}

TEST_CASE("a prefix becomes the index's terms that start with it, bounded", "[query][syntax]") {
    const test::SearchFixture fixture;
    // the question, the prefix concept's expected terms (or, with a bound, how many)
    const auto [question, limit, expected] = GENERATE(table<std::string, std::size_t, std::vector<std::string>>({
        {"leukop*", 30, {"leukopenia"}},
        {"zzzq*", 30, {}},
        {"le*", 30, {}},  // too short to be a prefix: the word "le"
    }));
    CAPTURE(question);
    Question parsed = fixture.engine().parse(question);
    expand_prefixes(parsed, fixture.database(), limit);
    std::vector<std::string> found;
    for (const Concept& concept_ : parsed.concepts) found.insert(found.end(), concept_.expansions.begin(), concept_.expansions.end());
    CHECK(found == expected);

    Question many = fixture.engine().parse("ne*");  // "ne" is too short
    CHECK(std::all_of(many.concepts.begin(), many.concepts.end(), [](const Concept& c) { return c.prefix.empty(); }));
    Question bounded = parse_question("neu*", fixture.engine().analyzer());
    expand_prefixes(bounded, fixture.database(), 2);
    REQUIRE(bounded.concepts.size() == 1);
    CHECK(bounded.concepts.front().expansions.size() == 2);
}
