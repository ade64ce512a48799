// Score regularization by neighbours, checked against sums worked by hand: each article keeps (1 - w) of
// its score and takes w of its neighbours' similarity-weighted mean score, neighbours outside the ranking
// counting 0, articles without neighbours untouched; then best first.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "eval/open_retriever.h"
#include "indexer/index_writer.h"
#include "query/neighbour_smoothing.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

struct Expected {
    std::string article;
    double score;
};

RankedArticle ranked_article(const std::string& id, double score, std::vector<Neighbour> neighbours = {}) {
    return {id, score, 0, std::move(neighbours)};
}

}  // namespace

TEST_CASE("neighbour smoothing moves each score toward its neighbours' scores", "[query][neighbours]") {
    // Articles 0..3 ranked; article 4 is nobody's candidate. 0's neighbours: 1 (similarity 3) and 4 (1);
    // 1's: 0 (1); 2's: 3 and 1 equally near; 3 has none.
    const auto [weight, expected] = GENERATE(table<double, std::vector<Expected>>({
        {0.0, {{"0", 10}, {"1", 8}, {"2", 4}, {"3", 2}}},
        // 0: 0.8*10 + 0.2*(3*8 + 1*0)/4 = 9.2; 1: 0.8*8 + 0.2*10 = 8.4; 2: 0.8*4 + 0.2*(2+8)/2 = 4.2; 3 keeps 2.
        {0.2, {{"0", 9.2}, {"1", 8.4}, {"2", 4.2}, {"3", 2.0}}},
        // 0: 0.5*10 + 0.5*6 = 8; 1: 0.5*8 + 0.5*10 = 9 (now first); 2: 2 + 2.5 = 4.5; 3 keeps 2.
        {0.5, {{"1", 9.0}, {"0", 8.0}, {"2", 4.5}, {"3", 2.0}}},
    }));
    CAPTURE(weight);
    std::vector<RankedArticle> ranked{ranked_article("0", 10, {{"1", 3.0F}, {"4", 1.0F}}), ranked_article("1", 8, {{"0", 1.0F}}),
                                      ranked_article("2", 4, {{"3", 2.0F}, {"1", 2.0F}}), ranked_article("3", 2)};
    smooth_by_neighbours(ranked, weight);
    REQUIRE(ranked.size() == expected.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        CAPTURE(i);
        CHECK(ranked[i].id == expected[i].article);
        CHECK(ranked[i].score == Approx(expected[i].score));
    }
}

TEST_CASE("no neighbours known: the ranking is left as it was", "[query][neighbours]") {
    std::vector<RankedArticle> ranked{ranked_article("0", 10), ranked_article("1", 8)};
    smooth_by_neighbours(ranked, 0.2);
    CHECK(ranked[0].score == 10);
    CHECK(ranked[1].score == 8);
}

TEST_CASE("document ranking smooths by neighbours only for questions of enough content words", "[query][neighbours]") {
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        for (const Article& article : test::two_subject_articles()) writer.add(article);
        writer.link_pending({});
    }

    // Scores by article id for a question, with the given smoothing settings.
    const auto scores = [&](double weight, std::size_t min_words, const std::string& question) {
        EngineOptions options;
        options.ranking.neighbour_weight = weight;
        options.ranking.neighbour_min_words = min_words;
        std::map<std::string, double> by_id;
        for (const ScoredDocument& document : open_retriever(index.db(), options)->retrieve(question, 10)) by_id[document.id] = document.score;
        return by_id;
    };
    const std::string question = "filgrastim neutropenia chemotherapy";  // three content words
    const auto plain = scores(0.0, 0, question);
    REQUIRE(plain.size() >= 2);
    CHECK(scores(0.5, 4, question) == plain);  // too short a question: untouched
    CHECK(scores(0.5, 3, question) != plain);  // long enough: smoothed
}
