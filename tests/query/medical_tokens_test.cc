// Medical spellings at search level: a question written one way finds the passages that write the same
// thing another way ("G-CSF" finds "G-CSF", "GCSF" and "G CSF"), and not the look-alikes ("IL-6" does not
// find "IL-2 and 6 other cytokines").
#include <catch2/catch.hpp>

#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

using Ordinals = std::set<std::size_t>;

// tests/fixtures/query/medical_tokens.md, passage by passage.
constexpr std::size_t g_dash_csf = 1, gcsf = 2, g_space_csf = 3, six_dash_mp = 4, six_mp = 5, il_dash_6 = 6, il6 = 7,
                      il2_and_6 = 8, covid_dash_19 = 9, covid19 = 10, percent_3_2 = 11, greek_blocker = 12,
                      beta_dash_blocker = 13, beta_blockers = 14, fever = 15, three_and_32 = 16, six_space_mp = 17,
                      covid_space_19 = 18, other_scripts = 19;

// Searches within the article and checks which of its passages the question finds and which it does not.
void check_found(const test::SearchFixture& fixture, const std::string& question, const std::string& article,
                 const Ordinals& found, const Ordinals& not_found) {
    SearchOptions options;
    options.limit = 100;
    options.filters.articles = {article};
    const Ordinals hits = test::SearchFixture::ordinals(fixture.search(question, options), article);
    CAPTURE(hits);
    for (const std::size_t ordinal : found) {
        CAPTURE(ordinal);
        CHECK(hits.count(ordinal) == 1);
    }
    for (const std::size_t ordinal : not_found) {
        CAPTURE(ordinal);
        CHECK(hits.count(ordinal) == 0);
    }
}

// The question's own words only: pseudo-relevance feedback would rightly add passages that share other
// words with the best ones, which is not what these tests are about.
EngineOptions without_feedback() {
    EngineOptions options = test::test_engine_options();
    options.ranking.feedback.enabled = false;
    return options;
}

}  // namespace

TEST_CASE("a medical term finds each way of writing it, and not its look-alikes", "[query][tokens]") {
    static const test::SearchFixture fixture(without_feedback());
    // question, passages it must find, passages it must not find (all within the fixture article)
    const auto [question, found, not_found] = GENERATE(table<std::string, Ordinals, Ordinals>({
        {"G-CSF", {g_dash_csf, gcsf, g_space_csf}, {fever, six_dash_mp}},
        {"GCSF", {g_dash_csf, gcsf}, {fever, six_dash_mp}},
        {"g-csf", {g_dash_csf, gcsf, g_space_csf}, {fever}},
        {"6-MP", {six_dash_mp, six_mp, six_space_mp}, {il2_and_6, fever, three_and_32}},
        {"6MP", {six_dash_mp, six_mp}, {il2_and_6, fever}},
        {"IL-6", {il_dash_6, il6}, {il2_and_6, fever}},
        {"IL6", {il_dash_6, il6}, {il2_and_6, fever}},
        {"COVID-19", {covid_dash_19, covid19, covid_space_19}, {fever}},
        {"covid19", {covid_dash_19, covid19}, {fever}},
        {"3.2%", {percent_3_2}, {three_and_32, fever}},
        {"β-blocker", {greek_blocker, beta_dash_blocker, beta_blockers}, {fever}},
        {"beta-blocker", {greek_blocker, beta_dash_blocker, beta_blockers}, {fever}},
        {"beta-blockers", {greek_blocker, beta_dash_blocker, beta_blockers}, {fever}},
        {"\"beta blocker\"", {greek_blocker, beta_dash_blocker, beta_blockers}, {fever}},
        {"sjogren", {other_scripts}, {fever}},
        {"Sjögren", {other_scripts}, {fever}},
        {"mcg interferon-gamma", {other_scripts}, {fever}},
    }));
    CAPTURE(question);
    check_found(fixture, question, "tokens", found, not_found);
}

TEST_CASE("the seed's own spellings are found whatever the question's spelling", "[query][tokens]") {
    static const test::SearchFixture fixture(without_feedback());
    // question, seed passages it must find
    const auto [question, found] = GENERATE(table<std::string, Ordinals>({
        {"GCSF", {1, 8, 24}},
        {"6-mercaptopurine", {4, 10}},
        {"6 mercaptopurine", {4, 10}},
        {"3.2%", {4}},
        {"4000 cells", {2}},
        {"4,000", {2}},
        {"5-10 mcg/kg/day", {8}},
        {"thrombocytopenia", {12}},
    }));
    CAPTURE(question);
    check_found(fixture, question, "leukopenia", found, {});
}
