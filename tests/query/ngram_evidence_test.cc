// Sub-word evidence: article documents carry their words' character n-grams (passages do not), the
// question's content words are matched by theirs, and the evidence re-scores the candidates the words
// ranked, exactly as if it had been searched with them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/char_ngrams.h"
#include "indexer/schema.h"
#include "query/engine.h"
#include "query/open_retriever.h"
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
    const Xapian::Database database = corpus.index.open();
    const std::string ngram(schema::ngram);
    for (auto id = database.postlist_begin(std::string(schema::kind) + std::string(schema::kind_article));
         id != database.postlist_end(std::string(schema::kind) + std::string(schema::kind_article)); ++id) {
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
    for (auto id = database.postlist_begin(std::string(schema::kind) + std::string(schema::kind_passage));
         id != database.postlist_end(std::string(schema::kind) + std::string(schema::kind_passage)); ++id)
        CHECK(test::terms_with_prefix(database.get_document(*id), ngram).empty());
}

TEST_CASE("article documents carry their neighbouring words as pairs, passages none", "[query][pairs][indexer]") {
    const Corpus corpus;
    const Xapian::Database database = corpus.index.open();
    const std::string pair(schema::word_pair);
    CHECK(database.get_termfreq(pair + "renal tissu") == 1);    // body
    CHECK(database.get_termfreq(pair + "kidney function") == 1); // title
    CHECK(database.get_termfreq(pair + "tissu sampl") == 2);
    CHECK(database.get_termfreq(pair + "adult renal") == 0);     // the title's last word and the body's first are not neighbours
    for (auto id = database.postlist_begin(std::string(schema::kind) + std::string(schema::kind_passage));
         id != database.postlist_end(std::string(schema::kind) + std::string(schema::kind_passage)); ++id)
        CHECK(test::terms_with_prefix(database.get_document(*id), pair).empty());
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
        for (const std::string& gram : concept_.grams) CHECK(engine.database().term_exists(gram));
    }
    CHECK(engine.build(question).evidence.get_length() > 0);
}

TEST_CASE("scoring chosen documents gives each the weight a full search gives it", "[query][ngrams]") {
    const Corpus corpus;
    const Engine engine(corpus.index.db(), with_ngram_weight(0.2));
    const BuiltQuery built = engine.build(engine.parse("Ribosomopathies show tissue pathology in renal adults"));
    const Xapian::Query query = GENERATE_COPY(built.evidence, built.query);
    // The plain way: search everything and read the weights off.
    const Xapian::MSet all = engine.enquire(query).get_mset(0, engine.database().get_doccount());
    std::vector<Xapian::docid> documents;
    std::vector<double> expected;
    for (Xapian::docid document = engine.database().get_lastdocid(); document >= 1; --document) {  // any order
        documents.push_back(document);
        double weight = 0.0;
        for (auto match = all.begin(); match != all.end(); ++match)
            if (*match == document) weight = match.get_weight();
        expected.push_back(weight);
    }
    const std::vector<double> scored = engine.score_documents(query, documents);
    REQUIRE(scored.size() == expected.size());
    for (std::size_t i = 0; i < scored.size(); ++i) {
        CAPTURE(documents[i]);
        CHECK(scored[i] == Approx(expected[i]).epsilon(1e-12));
    }
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
