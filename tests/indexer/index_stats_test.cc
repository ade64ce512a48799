// What read_index_stats counts, checked against a plain count over the stored data.
#include <catch2/catch.hpp>

#include <map>

#include "common/text.h"
#include "indexer/index_stats.h"
#include "indexer/schema.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

TEST_CASE("stats count the seed's articles, passages, sections, sources and terms", "[indexer][stats]") {
    test::TempIndex index;
    index.index({test::fixture("leukopenia.page.txt"), test::fixture("readers/article.md")});
    const IndexStats stats = read_index_stats(index.db());
    const IndexDatabases index_databases = index.open();
    const Xapian::Database& database = index_databases.passages;

    // The plain count: every passage's stored section, every article's stored source.
    std::map<std::string, std::size_t> sections, sources;
    std::size_t passages = 0, articles = 0;
    const std::string article_prefix(schema::article);
    for (auto term = database.allterms_begin(article_prefix); term != database.allterms_end(article_prefix); ++term) {
        const std::string id = (*term).substr(schema::article.size());
        ++articles;
        ++sources[ascii_lower(test::stored_article(index_databases.articles, id).at("source").get<std::string>())];
        for (const nlohmann::json& passage : test::stored_passages(database, id)) {
            ++passages;
            ++sections[schema::section_key(passage.at("section").get<std::string>())];
        }
    }
    CHECK(articles == 2);
    CHECK(stats.articles == articles);
    CHECK(stats.passages == passages);
    CHECK(sections.at("from-the-research") == 15);
    CHECK(sections.at("from-the-guidelines") == 11);
    CHECK(sections.at("from-the-fda-drug-label") == 2);
    std::map<std::string, std::size_t> stats_sections, stats_sources;
    for (const KeyCount& count : stats.sections) stats_sections[count.key] = count.count;
    for (const KeyCount& count : stats.sources) stats_sources[count.key] = count.count;
    CHECK(stats_sections == sections);
    CHECK(stats_sources == sources);
    for (std::size_t i = 1; i < stats.sections.size(); ++i) CHECK(stats.sections[i - 1].count >= stats.sections[i].count);

    std::size_t terms = 0;
    for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term) ++terms;
    CHECK(stats.terms == terms);
    CHECK(stats.body_terms > 0);
    CHECK(stats.body_terms < stats.terms);
    CHECK(stats.bytes_on_disk > 0);
    CHECK(stats.average_passage_words > 0);
}

TEST_CASE("stats of a folder without an index is a DatabaseError naming it", "[indexer][stats]") {
    test::TempIndex index;
    CHECK_THROWS_WITH(read_index_stats(index.db()), Catch::Contains(index.db().string()));
    CHECK_THROWS_AS(read_index_stats(index.dir()), DatabaseError);  // a folder, but no index in it
}
