#include "tests/query/search_fixture.h"

#include <catch2/catch.hpp>

namespace medsearch::test {

namespace {

std::filesystem::path indexed(TempIndex& index) {
    const IndexSummary summary =
        index.index({fixture("leukopenia.page.txt"), fixture("query/medical_tokens.md")});
    REQUIRE(index.observer.errors.empty());
    REQUIRE(summary.articles == 2);
    REQUIRE(summary.passages == SearchFixture::seed_passages + SearchFixture::token_passages);
    return index.db();
}

}  // namespace

EngineOptions test_engine_options() {
    EngineOptions options;
    options.bundled_synonyms = false;
    return options;
}

SearchFixture::SearchFixture(EngineOptions options)
    : engine_(indexed(index_), std::move(options)), searcher_(engine_) {}

SearchResults SearchFixture::search(std::string_view question, SearchOptions options) const {
    return searcher_.search(question, options);
}

SearchResults SearchFixture::search(std::string_view question) const {
    SearchOptions options;
    options.limit = 1000;
    return search(question, options);
}

std::set<std::size_t> SearchFixture::ordinals(const SearchResults& results, const std::string& article_id) {
    std::set<std::size_t> found;
    for (const Hit& hit : results.hits)
        if (hit.article_id == article_id) found.insert(hit.ordinal);
    return found;
}

}  // namespace medsearch::test
