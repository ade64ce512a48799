// Sub-word evidence: article documents carry their words' character n-grams (passages do not), the
// question's content words are matched by theirs, and the evidence re-scores the candidates the words
// ranked, exactly as if it had been searched with them.
#include <catch2/catch.hpp>

#include <set>

#include <map>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/char_ngrams.h"
#include "eval/open_retriever.h"
#include "indexer/schema.h"
#include "query/engine.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

// Two abstracts that match "tissue" alike; only the second one's words share n-grams with
// "ribosomopathies" (its "ribosome"). Listed first, the first wins ties.
constexpr std::string_view kCorpus =
    R"({"_id": "kidney", "title": "Kidney function in adults", "text": "Renal tissue was sampled in adults."})" "\n"
    R"({"_id": "ribosome", "title": "Growth control and ribosome biogenesis", "text": "Ribosome tissue was sampled in mice."})" "\n";

struct Corpus {
    Corpus() {
        index.index({index.write("corpus.jsonl", kCorpus)});
        REQUIRE(index.observer.errors.empty());
    }
    test::TempIndex index;
};

EngineOptions with_ngram_weight(double weight) {
    EngineOptions options;
    options.bundled_synonyms = false;
    options.dictionaries.clear();
    options.ranking.ngram_weight = weight;
    return options;
}

std::vector<std::string> ids(const std::vector<ScoredDocument>& documents) {
    std::vector<std::string> out;
    for (const ScoredDocument& document : documents) out.push_back(document.id);
    return out;
}

}  // namespace

TEST_CASE("article documents carry the n-grams of their title and body words, passages none", "[query][ngrams][indexer]") {
    const Corpus corpus;
    const IndexDatabases index = corpus.index.open();
    const Xapian::Database& database = index.articles;
    const std::string ngram(schema::ngram);
    for (auto id = database.postlist_begin(""); id != database.postlist_end(""); ++id) {
        const Xapian::Document document = database.get_document(*id);
        const std::vector<std::string> grams = test::terms_with_prefix(document, ngram);
        const bool own_grams = std::find(grams.begin(), grams.end(), "$ren") != grams.end() ||
                               std::find(grams.begin(), grams.end(), "$rib") != grams.end();
        CHECK(own_grams);
    }
    const Xapian::Document ribosome = database.get_document(*database.postlist_begin(std::string(schema::unique_id) + "ribosome"));
    for (const std::string& gram : character_ngrams("growth")) {  // a title word
        CAPTURE(gram);
        CHECK(database.get_termfreq(ngram + gram) >= 1);
    }
    // The title opens the article document's body too.
    CHECK(std::find_if(ribosome.termlist_begin(), ribosome.termlist_end(), [](const std::string& term) { return term == "growth"; }) !=
          ribosome.termlist_end());
    for (auto id = index.passages.postlist_begin(""); id != index.passages.postlist_end(""); ++id)
        CHECK(test::terms_with_prefix(index.passages.get_document(*id), ngram).empty());
}

TEST_CASE("article documents carry their neighbouring words as pairs, passages none", "[query][pairs][indexer]") {
    const Corpus corpus;
    const IndexDatabases index = corpus.index.open();
    const Xapian::Database& database = index.articles;
    const std::string pair(schema::word_pair);
    CHECK(database.get_termfreq(pair + "renal tissu") == 1);    // body
    CHECK(database.get_termfreq(pair + "kidney function") == 1); // title
    CHECK(database.get_termfreq(pair + "tissu sampl") == 2);
    CHECK(database.get_termfreq(pair + "adult renal") == 0);     // the title's last word and the body's first are not neighbours
    for (auto id = index.passages.postlist_begin(""); id != index.passages.postlist_end(""); ++id)
        CHECK(test::terms_with_prefix(index.passages.get_document(*id), pair).empty());
}

TEST_CASE("neighbouring question words count as a pair where the article has them together", "[query][pairs]") {
    // The same words and lengths; only the second says "blood count". Listed first, the first wins ties.
    test::TempIndex index;
    index.index({index.write("corpus.jsonl",
                             R"({"_id": "apart", "title": "Laboratory findings", "text": "The count of cells in blood was low."})" "\n"
                             R"({"_id": "together", "title": "Laboratory findings", "text": "The blood count of cells was low."})" "\n")});
    REQUIRE(index.observer.errors.empty());
    const auto [weight, first] = GENERATE(table<double, std::string>({
        {0.0, "apart"},
        {0.3, "together"},
    }));
    CAPTURE(weight);
    EngineOptions options = with_ngram_weight(0.2);
    options.ranking.pair_weight = weight;
    const std::vector<ScoredDocument> ranked = open_retriever(index.db(), options)->retrieve("blood count of cells", 10);
    REQUIRE(ranked.size() == 2);
    CHECK(ids(ranked).front() == first);
}

TEST_CASE("a word the stemmer cannot match reaches its article through shared n-grams", "[query][ngrams]") {
    const Corpus corpus;
    const auto [weight, first] = GENERATE(table<double, std::string>({
        {0.0, "kidney"},    // the words alone: a tie, index order
        {0.2, "ribosome"},  // "ribosomopathies" shares $rib ribo ibos boso osom with "ribosome"
    }));
    CAPTURE(weight);
    const auto retriever = open_retriever(corpus.index.db(), with_ngram_weight(weight));
    const std::vector<ScoredDocument> ranked = retriever->retrieve("Ribosomopathies show tissue pathology", 10);
    REQUIRE(ranked.size() == 2);
    CHECK(ids(ranked).front() == first);
}

TEST_CASE("the question's grams are only those the index holds, for content words only", "[query][ngrams]") {
    const Corpus corpus;
    const Engine engine(corpus.index.db(), with_ngram_weight(0.2));
    const Question question = engine.parse("What is ribosomopathy?");
    for (const Concept& concept_ : question.concepts) {
        CAPTURE(concept_.terms);
        if (!is_content(concept_)) {
            CHECK(concept_.grams.empty());
            continue;
        }
        REQUIRE_FALSE(concept_.grams.empty());
        for (const std::string& gram : concept_.grams) CHECK(engine.articles().term_exists(gram));
    }
    CHECK(engine.build(question).evidence.get_length() > 0);
}

TEST_CASE("evidence re-scoring of the top articles adds the weight a full search gives them", "[query][ngrams]") {
    const Corpus corpus;
    EngineOptions options = with_ngram_weight(0.2);
    const std::size_t depth = GENERATE(1, 2, 100);
    options.ranking.evidence_depth = depth;
    const Engine engine(corpus.index.db(), options);
    const BuiltQuery built = engine.build(engine.parse("Ribosomopathies show tissue pathology in renal adults"));
    REQUIRE_FALSE(built.evidence.empty());
    // The plain way: each query over every article, weights read off by article id.
    const auto weights = [&](const Xapian::Query& query) {
        std::map<std::string, double> by_id;
        const Xapian::MSet all = engine.enquire_articles(query).get_mset(0, engine.articles().get_doccount());
        for (auto match = all.begin(); match != all.end(); ++match)
            by_id[match.get_document().get_value(schema::article_slot)] = match.get_weight();
        return by_id;
    };
    const auto words = weights(built.query);
    const auto evidence = weights(built.evidence);
    const std::vector<RankedArticle> plain = engine.rank_articles(built.query, 100);
    const std::vector<RankedArticle> ranked = engine.rank_articles(built.query, 100, built.evidence);
    REQUIRE(ranked.size() == words.size());
    std::set<std::string> rescored;
    for (std::size_t i = 0; i < std::min(depth, plain.size()); ++i) rescored.insert(plain[i].id);
    for (const RankedArticle& article : ranked) {
        CAPTURE(article.id);
        const auto extra = evidence.find(article.id);
        const double expected = words.at(article.id) + (rescored.contains(article.id) && extra != evidence.end() ? extra->second : 0.0);
        CHECK(article.score == Approx(expected).epsilon(1e-12));
    }
    for (std::size_t i = 1; i < ranked.size(); ++i) CHECK(ranked[i - 1].score >= ranked[i].score);
}

TEST_CASE("explain lists each word's sub-word evidence and each pair, as asked", "[query][ngrams][pairs]") {
    const Corpus corpus;
    EngineOptions options = with_ngram_weight(0.2);
    options.ranking.pair_weight = 0.5;
    const Engine engine(corpus.index.db(), options);
    const BuiltQuery built = engine.build(engine.parse("What is the renal tissue sampled?"));
    std::vector<std::string> grams, pairs;
    for (const Expansion& expansion : built.expansions) {
        if (expansion.reason.find("4-grams") != std::string::npos) grams.push_back(expansion.expression);
        if (expansion.reason.find("pair") != std::string::npos) pairs.push_back(expansion.expression);
    }
    CHECK(grams == std::vector<std::string>{"renal", "tissue", "sampled"});
    CHECK(pairs == std::vector<std::string>{"renal tissue", "tissue sampled"});  // the words, not their stems
}
