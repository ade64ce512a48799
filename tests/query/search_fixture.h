// The index the query tests search: the seed page (article "leukopenia", source "page") and the
// medical-token fixture (article "tokens", source "fixture", one passage per spelling of G-CSF, 6-MP, IL-6,
// COVID-19, 3.2%, β-blocker, ...), built in a scratch folder, with an engine and a searcher over it.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "query/searcher.h"
#include "tests/indexer/temp_index.h"

namespace medsearch::test {

// The engine options of the tests: the shipped ranking, without the bundled synonyms (others edit them;
// these tests are about the question, the analyzer and the filters, not about synonym lists).
EngineOptions test_engine_options();

class SearchFixture {
public:
    explicit SearchFixture(EngineOptions options = test_engine_options());

    // Searches with the options; limit defaults to every passage of the index.
    SearchResults search(std::string_view question, SearchOptions options) const;
    SearchResults search(std::string_view question) const;

    // The ordinals of the article's passages among the hits.
    static std::set<std::size_t> ordinals(const SearchResults& results, const std::string& article_id);

    const Engine& engine() const { return engine_; }
    const Xapian::Database& database() const { return engine_.passages(); }

    static constexpr std::size_t seed_passages = 28;
    static constexpr std::size_t token_passages = 19;

private:
    TempIndex index_;
    Engine engine_;
    Searcher searcher_;
};

}  // namespace medsearch::test
