// Each database is weighted with BM25 parameters of its own: passages with bm25.*, article documents (whole
// articles with their 4-grams and pairs, many times a passage's length) with article_bm25.*, so tuning
// one leaves the other's scores exactly as they were.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query/engine.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

// Two abstracts of different lengths and term frequencies, both matching "tissue".
constexpr std::string_view kCorpus =
    R"({"_id": "short", "title": "Tissue", "text": "Renal tissue was sampled."})" "\n"
    R"({"_id": "long", "title": "Growth control", "text": "Tissue growth and tissue repair in adults. Ribosome biogenesis, tissue )"
    R"(culture and cell counts were measured over twelve weeks in a cohort of volunteers."})" "\n";

struct Scores {
    ArticleScores articles;
    ArticleScores passages;
};

Scores scores_with(const test::TempIndex& index, const std::string& setting) {
    EngineOptions options;
    options.bundled_synonyms = false;
    options.dictionaries.clear();
    if (!setting.empty()) apply_ranking_setting(options.ranking, setting);
    const Engine engine(index.db(), options);
    const Xapian::Query query = engine.build(engine.parse("tissue")).query;
    return {engine.score_articles(query, 10), engine.best_passages(query, {"short", "long"})};
}

}  // namespace

TEST_CASE("article documents and passages are weighted with their own BM25 parameters", "[query][ranking]") {
    test::TempIndex index;
    index.index({index.write("corpus.jsonl", kCorpus)});
    REQUIRE(index.observer.errors.empty());
    const Scores shipped = scores_with(index, "");
    REQUIRE(shipped.articles.size() == 2);
    REQUIRE(shipped.passages.size() == 2);

    const auto [setting, moves_articles] = GENERATE(table<std::string, bool>({
        {"article_bm25.k1=2", true},
        {"article_bm25.b=1", true},
        {"article_bm25.min_normlen=3", true},
        {"bm25.k1=2", false},
        {"bm25.b=1", false},
        {"bm25.min_normlen=3", false},
    }));
    CAPTURE(setting);
    const Scores changed = scores_with(index, setting);
    for (const std::string id : {"short", "long"}) {
        CAPTURE(id);
        const double article_change = changed.articles.at(id) - shipped.articles.at(id);
        const double passage_change = changed.passages.at(id) - shipped.passages.at(id);
        if (moves_articles) {
            CHECK(article_change != Approx(0).margin(1e-9));
            CHECK(passage_change == Approx(0).margin(1e-12));
        } else {
            CHECK(article_change == Approx(0).margin(1e-12));
            CHECK(passage_change != Approx(0).margin(1e-9));
        }
    }
}
