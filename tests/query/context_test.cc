// What reaches a question beyond its own stems: the derivational variants of its words ("treated" finds
// "Treatment") and a conversation's focus, under which passages off the subject keep only a share of
// their score. Each is checked against the plain search it changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "analysis/function_words.h"
#include "conversation/conversation.h"
#include "indexer/schema.h"
#include "query/highlight.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

// The hit whose passage text starts with `start`, or null.
const Hit* hit_starting(const SearchResults& results, std::string_view start) {
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                  [&](const Hit& h) { return h.snippet.text.starts_with(start); });
    return hit == results.hits.end() ? nullptr : &*hit;
}

std::vector<std::string> highlighted(const Snippet& snippet) {
    std::vector<std::string> pieces;
    for (const HighlightRange& range : snippet.highlights) pieces.push_back(snippet.text.substr(range.begin, range.end - range.begin));
    return pieces;
}

EngineOptions with_derivations(bool on) {
    EngineOptions options = test::test_engine_options();
    options.ranking.derivation_weight = on ? 0.5 : 0.0;
    return options;
}

}  // namespace

TEST_CASE("a question's verb finds the noun the stemmer keeps apart, and highlights it", "[query][derivation]") {
    static const test::SearchFixture plain(with_derivations(false)), derived(with_derivations(true));
    // question, the start of a passage that says the noun only (in its text or under its heading)
    const auto [question, passage, noun] = GENERATE(table<std::string, std::string, std::string>({
        {"treated neutropenia antibiotics", "Patients with febrile neutropenia should undergo treatment", "treatment"},
        {"how is leukopenia diagnosed", "To get close to the diagnosis", "diagnosis"},
    }));
    CAPTURE(question);
    const SearchResults plain_results = plain.search(question), derived_results = derived.search(question);
    const Hit* without = hit_starting(plain_results, passage);
    const Hit* with = hit_starting(derived_results, passage);
    REQUIRE(with != nullptr);
    CHECK_THAT(highlighted(with->snippet), Catch::VectorContains(noun));
    if (without != nullptr) {
        CHECK(with->score > without->score);
        CHECK_THAT(highlighted(without->snippet), !Catch::VectorContains(noun));
    }
}

TEST_CASE("a question in quotes, or excluding a word, keeps the word as written", "[query][derivation]") {
    static const test::SearchFixture fixture(with_derivations(true));
    for (const Concept& concept_ : fixture.engine().parse("\"treated\" -treated treated").concepts) {
        CAPTURE(concept_.terms, concept_.phrase, concept_.excluded);
        CHECK(concept_.variants.empty() == (concept_.phrase || concept_.excluded));
    }
}

TEST_CASE("passages off the conversation's focus keep exactly their share of the score", "[query][context]") {
    // Without article evidence (and without the passage-evidence order, which sets scores by rank) a
    // passage's score is its own, so the share shows exactly.
    static const test::SearchFixture fixture([] {
        EngineOptions options = test::test_engine_options();
        options.ranking.article_weight = 0;
        options.ranking.evidence_passages = 0;
        return options;
    }());
    const Searcher searcher(fixture.engine());
    SearchOptions options;
    options.limit = test::SearchFixture::seed_passages + test::SearchFixture::token_passages;
    options.highlight = false;
    const std::string question = "neutropenia infection risk";
    std::map<std::string, double> plain;
    for (const Hit& hit : searcher.search(question, options).hits) plain[hit.id] = hit.score;
    REQUIRE(plain.size() > 3);

    // The focus: passages with "febrile" in their text.
    const double share = GENERATE(0.0, 0.25, 0.5);
    CAPTURE(share);
    SearchContext context;
    context.focus = Xapian::Query("febril");
    context.off_focus_share = share;
    const SearchResults focused = searcher.search(fixture.engine().parse(question), options, context);
    std::size_t on = 0;
    for (const Hit& hit : focused.hits) {
        CAPTURE(hit.id, hit.snippet.text);
        REQUIRE(plain.count(hit.id) == 1);
        const bool on_focus = hit.snippet.text.find("ebrile") != std::string::npos;
        on += on_focus;
        if (on_focus) CHECK(hit.score == Approx(plain[hit.id]).epsilon(1e-6));
        else CHECK(hit.score == Approx(share * plain[hit.id]).epsilon(1e-6));
    }
    CHECK(on > 0);
    CHECK(focused.hits.size() == (share == 0.0 ? on : plain.size()));
}

TEST_CASE("a carried subject is added in every field and, as a clause of its own, in the article title only", "[query][context]") {
    // subject weight, title-only weight: how many weighted clauses the follow-up gets
    const auto [subject_weight, title_weight, clauses] = GENERATE(table<double, double, std::size_t>({
        {0.25, 0.0, 1},
        {0.25, 0.35, 2},
        {0.0, 0.35, 1},
    }));
    CAPTURE(subject_weight, title_weight);
    EngineOptions options = test::test_engine_options();
    options.ranking.context.subject_weight = subject_weight;
    options.ranking.context.subject_title_weight = title_weight;
    const test::SearchFixture fixture(options);
    ConversationState state;
    state.turns.push_back({"What causes leukopenia?", "leukopenia", "", {}});
    const Conversation conversation(fixture.engine(), state);

    const ContextResolution resolution = conversation.resolve(fixture.engine().parse("How is it treated?"));
    REQUIRE(resolution.kind == ContextResolution::Kind::carried);
    REQUIRE(resolution.context.clauses.size() == clauses);
    // Every field's terms in the every-field clause; only title terms in the title clause.
    const auto fields_of = [](const Xapian::Query& clause) {
        std::set<std::string> prefixes;
        for (auto term = clause.get_unique_terms_begin(); term != clause.get_unique_terms_end(); ++term)
            prefixes.insert((*term).substr(0, (*term).find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ")));
        return prefixes;
    };
    if (subject_weight > 0) CHECK(fields_of(resolution.context.clauses.front()).size() > 1);
    if (title_weight > 0) CHECK(fields_of(resolution.context.clauses.back()) == std::set<std::string>{std::string(schema::title)});
    // Each clause is explained with its weight.
    std::vector<double> explained;
    for (const Expansion& expansion : resolution.context.expansions)
        if (expansion.reason.starts_with("subject carried")) explained.push_back(expansion.weight);
    std::vector<double> expected;
    if (subject_weight > 0) expected.push_back(subject_weight);
    if (title_weight > 0) expected.push_back(title_weight);
    CHECK(explained == expected);
}

TEST_CASE("feedback expands a one-word question only, and never one a conversation's context explains", "[query][feedback]") {
    static const test::SearchFixture fixture;  // the shipped ranking: feedback for questions of one content word
    REQUIRE(fixture.engine().ranking().feedback.enabled);
    REQUIRE(fixture.engine().ranking().feedback.max_question_words == 1);
    const Searcher searcher(fixture.engine());
    const auto fed_back = [](const SearchResults& results) {
        return std::any_of(results.expansions.begin(), results.expansions.end(),
                           [](const Expansion& e) { return e.reason.starts_with("feedback"); });
    };
    const auto [question, expanded] = GENERATE(table<std::string, bool>({
        {"neutropenia", true},
        {"What is neutropenia?", true},   // question words are not content
        {"neutropenia infection", false},
        {"febrile neutropenia antibiotics", false},
    }));
    CAPTURE(question);
    CHECK(fed_back(fixture.search(question)) == expanded);
    SearchContext context;
    context.clauses.emplace_back("leukopenia");
    CHECK_FALSE(fed_back(searcher.search(fixture.engine().parse(question), {}, context)));
}

namespace medsearch::test {
namespace {

TEST_CASE("feedback on the bundled corpus adds words about the subject, never a function word", "[query][feedback]") {
    // The bundled corpus, where one-word questions once gained "can", "your", "you", "may" and "have".
    static const std::filesystem::path bundled = [] {
        if (const std::optional<std::filesystem::path> made = fixture_index("bundled")) return *made;
        static TempIndex index;
        index.index({source_dir() / "corpus" / "articles"});
        REQUIRE(index.observer.errors.empty());
        return index.db();
    }();
    static const Engine engine(bundled, test_engine_options());
    const Searcher searcher(engine);
    const std::string question = GENERATE("leukopenia", "hemophilia", "neutropenia", "azathioprine", "What is diabetes?");
    CAPTURE(question);
    const SearchResults results = searcher.search(question, {});
    std::vector<std::string> added;
    for (const Expansion& expansion : results.expansions)
        if (expansion.reason.starts_with("feedback")) added.push_back(expansion.expression);
    CAPTURE(added);
    CHECK_FALSE(added.empty());
    for (const std::string& term : added) CHECK_FALSE(std::binary_search(function_word_terms().begin(), function_word_terms().end(), term));
}

}  // namespace
}  // namespace medsearch::test
