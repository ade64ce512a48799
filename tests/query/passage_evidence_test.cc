// Which passage of an article comes first: passage evidence (the question's words in the passage's own
// words, its list's lead-in and its heading) orders each article's passages within the ranks the article
// holds; and over the seed page, the passage that answers is the one shown first.
#include <catch2/catch.hpp>

#include <algorithm>

#include "indexer/schema.h"
#include "query/passage_evidence.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

// Passages written compactly as "article:evidence:score", best score first.
std::vector<ScoredPassage> passages(const std::vector<std::string>& written) {
    std::vector<ScoredPassage> result;
    for (const std::string& text : written) {
        const std::size_t first = text.find(':'), second = text.find(':', first + 1);
        result.push_back({text.substr(0, first), std::stod(text.substr(second + 1)),
                          std::stod(text.substr(first + 1, second - first - 1)), result.size() + 1, result.size()});
    }
    return result;
}

std::vector<std::size_t> indexes(const std::vector<ScoredPassage>& ordered) {
    std::vector<std::size_t> result;
    for (const ScoredPassage& passage : ordered) result.push_back(passage.index);
    return result;
}

}  // namespace

TEST_CASE("passages are ordered by their evidence within the ranks their article holds", "[query][evidence]") {
    // the ranked passages, the order by their input index
    const auto [input, expected] = GENERATE(table<std::vector<std::string>, std::vector<std::size_t>>({
        // one article: evidence decides, then score, then reading order
        {{"a:1:10", "a:3:10", "a:2:9"}, {1, 2, 0}},
        {{"a:2:10", "a:2:10", "a:2:9"}, {0, 1, 2}},
        {{"a:1:10", "a:1:12"}, {1, 0}},  // equal evidence: the higher score
        // two articles: each keeps its ranks
        {{"a:1:10", "b:0:9", "a:5:8", "b:4:7"}, {2, 3, 0, 1}},
        {{"a:0:10", "a:0:9", "b:9:8"}, {0, 1, 2}},
        {{}, {}},
    }));
    CAPTURE(input);
    const std::vector<ScoredPassage> given = passages(input);
    const std::vector<ScoredPassage> ordered = order_within_articles(given);
    CHECK(indexes(ordered) == expected);
    // Scores follow the order, strictly where evidence or score differ.
    for (std::size_t i = 1; i < ordered.size(); ++i) {
        CHECK(ordered[i].score <= ordered[i - 1].score);
        const ScoredPassage &before = given[ordered[i - 1].index], &now = given[ordered[i].index];
        if (before.evidence != now.evidence || before.score != now.score) CHECK(ordered[i].score < ordered[i - 1].score);
    }
}

TEST_CASE("passage evidence counts the question's words where the passage holds them", "[query][evidence]") {
    const auto& body = schema::body;
    auto term = [](std::string_view prefix, const std::string& word) { return std::string(prefix) + word; };
    // One concept of weight 1 ("treat", with the variant "treatment") and a question word ("what").
    EvidenceConcept treat{{{{"treat"}, 1.0}, {{"treatment"}, 0.5}}, {{std::string(schema::heading), 1.0}, {std::string(body), 1.0}, {std::string(schema::lead_in), 1.0}}, 1.0};
    EvidenceConcept what{{{{"what"}, 0.2}}, {{std::string(schema::heading), 1.0}}, 1.0};
    const std::vector<EvidenceConcept> concepts = {treat, what};
    // the passage's terms, its evidence
    const auto [terms, evidence] = GENERATE_REF(table<std::vector<std::string>, double>({
        {{term(body, "treat")}, 1.0},
        {{term(schema::lead_in, "treat")}, 1.0},
        {{term(schema::heading, "treat")}, 1.0},
        {{term(body, "treatment")}, 0.5},
        {{term(schema::section, "treat")}, 0.0},                         // the section is the article's
        {{term(body, "treat"), term(schema::title, "treat")}, 0.5},      // the article is about it
        {{term(body, "what")}, 0.0},                                     // a question word counts in the heading only
        {{term(schema::heading, "what")}, 0.2},
        {{term(body, "treat"), term(schema::heading, "what")}, 1.2},
    }));
    std::vector<std::string> sorted = terms;
    std::sort(sorted.begin(), sorted.end());
    CAPTURE(terms);
    CHECK(passage_evidence(sorted, concepts) == Approx(evidence));
}

TEST_CASE("the passage that answers comes first on the seed page", "[query][evidence]") {
    const test::SearchFixture fixture;
    SearchOptions options;
    options.limit = 3;
    options.filters.articles = {"leukopenia"};
    // the question, the heading or lead-in every one of the first three passages stands under
    const auto [question, context] = GENERATE(table<std::string, std::string>({
        {"leukopenia treatment", "Management and Treatment of Leukopenia"},
        {"what is the cause of leukopenia", "Causes"},
        {"can azathioprine cause leukopenia", ""},
    }));
    CAPTURE(question);
    const SearchResults results = fixture.search(question, options);
    REQUIRE(results.hits.size() == 3);
    for (std::size_t i = 1; i < results.hits.size(); ++i) CHECK(results.hits[i].score < results.hits[i - 1].score);
    if (context.empty()) {
        // Both passages naming azathioprine come before any that does not.
        for (std::size_t i = 0; i < 2; ++i) CHECK(results.hits[i].snippet.text.find("zathioprine") != std::string::npos);
    } else {
        CHECK(results.hits.front().heading.find(context) != std::string::npos);
    }
}

TEST_CASE("a bullet is found by its list's lead-in and shown with it", "[query][evidence]") {
    const test::SearchFixture fixture;
    SearchOptions options;
    options.limit = 5;
    options.filters.articles = {"leukopenia"};
    // The four bullets of the list hold none of these words, their lead-in holds them all; the fifth
    // passage is the paragraph the lead-in ends.
    const SearchResults results = fixture.search("the underlying cause may include", options);
    REQUIRE(results.hits.size() == 5);
    std::size_t introduced = 0;
    for (const Hit& hit : results.hits)
        if (hit.kind == "bullet" && hit.lead_in == "Treatment depends on the underlying cause, which may include:") ++introduced;
    CHECK(introduced == 4);
    const SearchResults viral = fixture.search("viral infections underlying cause", options);
    REQUIRE(!viral.hits.empty());
    CHECK(viral.hits.front().snippet.text == "Viral infections");
}
