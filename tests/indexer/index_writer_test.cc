// The writer's promises: re-indexing an article replaces all its passages (no duplicates, no orphans),
// delete removes an article whole, changes become visible batch by batch, and a bad article is reported
// without stopping the run.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/index_stats.h"
#include "indexer/schema.h"
#include "query/filters.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;
using test::make_article;

namespace {

// The same article as a markdown file.
std::string markdown(const std::string& id, const std::vector<std::string>& texts) {
    std::string text = "# Article " + id + "\nid: " + id + "\n\n## Causes\n\n";
    for (const std::string& passage : texts) text += passage + "\n\n";
    return text;
}

std::vector<std::string> numbered(const std::string& word, std::size_t count) {
    std::vector<std::string> texts;
    for (std::size_t i = 1; i <= count; ++i) texts.push_back("Passage " + std::to_string(i) + " mentions " + word + ".");
    return texts;
}

std::size_t article_documents(const IndexDatabases& index) { return index.articles.get_doccount(); }

std::size_t passage_documents(const IndexDatabases& index) { return index.passages.get_doccount(); }

std::size_t all_documents(const IndexDatabases& index) { return article_documents(index) + passage_documents(index); }

std::size_t documents_of(const IndexDatabases& index, const std::string& article_id) {
    const std::string term = std::string(schema::article) + article_id;
    return index.articles.get_termfreq(term) + index.passages.get_termfreq(term);
}

std::size_t term_frequency(const IndexDatabases& index, const std::string& term) {
    return index.articles.get_termfreq(term) + index.passages.get_termfreq(term);
}

// The article is whole: its stored article holds exactly the passages stored, numbered 1..n.
void check_complete(const IndexDatabases& index, const std::string& article_id) {
    INFO("article " << article_id);
    const nlohmann::json article = test::stored_article(index.articles, article_id);
    const std::vector<nlohmann::json> passages = test::stored_passages(index.passages, article_id);
    CHECK(article.at("passages").size() == passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) CHECK(passages[i].at("ordinal") == i + 1);
    CHECK(documents_of(index, article_id) == passages.size() + 1);
}

}  // namespace

TEST_CASE("re-indexing an article replaces all its passages", "[indexer][reindex]") {
    // passages first indexed, passages indexed again, whether both versions go in one batch
    const auto [before, after, same_batch] = GENERATE(table<std::size_t, std::size_t, bool>({
        {5, 5, false},
        {5, 5, true},
        {5, 2, false},   // fewer passages: the old ones beyond the new count must go
        {5, 2, true},
        {2, 5, false},   // more passages
        {3, 0, false},   // an article that lost every passage keeps its article document only
        {1, 1, true},
    }));
    CAPTURE(before, after, same_batch);
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        writer.add(make_article("other", numbered("bystander", 3)));
        writer.add(make_article("a", numbered("oldword", before)));
        if (!same_batch) writer.commit();
        writer.add(make_article("a", numbered("newword", after)));
        writer.commit();
    }
    const IndexDatabases database = index.open();
    CHECK(article_documents(database) == 2);
    CHECK(passage_documents(database) == 3 + after);
    CHECK(documents_of(database, "a") == after + 1);
    check_complete(database, "a");
    check_complete(database, "other");
    CHECK(term_frequency(database, "oldword") == 0);  // no orphan keeps the old text searchable
    CHECK(term_frequency(database, "newword") == (after == 0 ? 0 : after + 1));
    for (const nlohmann::json& passage : test::stored_passages(database.passages, "a"))
        CHECK_THAT(passage.at("text").get<std::string>(), Catch::Contains("newword"));
}

TEST_CASE("indexing the same files twice through the index job gives the same index", "[indexer][reindex]") {
    test::TempIndex index;
    const auto first = index.write("a.md", markdown("a", numbered("alpha", 4)));
    const auto second = index.write("b.md", markdown("b", numbered("beta", 3)));
    index.index({first, second});
    const std::size_t once = all_documents(index.open());
    index.index({first, second, first});  // again, one file twice in the same run
    const IndexDatabases database = index.open();
    CHECK(once == (4 + 1) + (3 + 1));
    CHECK(all_documents(database) == once);
    CHECK(article_documents(database) == 2);
    check_complete(database, "a");
    check_complete(database, "b");

    // A changed version of a file with fewer passages replaces the old one whole.
    index.write("a.md", markdown("a", {"Only one passage remains about gamma."}));
    index.index({first});
    const IndexDatabases changed = index.open();
    CHECK(all_documents(changed) == (1 + 1) + (3 + 1));
    CHECK(test::stored_passages(changed.passages, "a").size() == 1);
    CHECK(term_frequency(changed, "alpha") == 0);
    check_complete(changed, "a");
    check_complete(changed, "b");
}

TEST_CASE("delete removes an article and nothing else", "[indexer][delete]") {
    test::TempIndex index;
    IndexWriter writer(index.db());
    writer.add(make_article("kept", numbered("keepword", 2)));
    writer.add(make_article("gone", numbered("goneword", 4)));
    writer.commit();
    CHECK(writer.remove("gone"));
    CHECK_FALSE(writer.remove("gone"));        // already removed
    CHECK_FALSE(writer.remove("never-there"));
    CHECK_FALSE(writer.remove("kep"));         // ids are matched whole, not by prefix
    writer.commit();

    const IndexDatabases database = index.open();
    CHECK(documents_of(database, "gone") == 0);
    CHECK(term_frequency(database, "goneword") == 0);
    CHECK(all_documents(database) == 3);
    check_complete(database, "kept");
}

TEST_CASE("changes become visible a whole batch at a time", "[indexer][batch]") {
    const auto [batch, added] = GENERATE(table<std::size_t, std::size_t>({{1, 3}, {3, 7}, {3, 9}, {5, 4}, {10, 25}}));
    CAPTURE(batch, added);
    test::TempIndex index;
    IndexWriterOptions options;
    options.batch_articles = batch;
    IndexWriter writer(index.db(), options);
    for (std::size_t i = 0; i < added; ++i) {
        writer.add(make_article("article" + std::to_string(i), numbered("word" + std::to_string(i), 1 + i % 4)));
        // A reader opened now sees the last committed state: whole batches, whole articles.
        const IndexDatabases reader = index.open();
        const std::size_t committed = (i + 1) / batch * batch;
        CHECK(article_documents(reader) == committed);
        for (std::size_t j = 0; j < committed; ++j) check_complete(reader, "article" + std::to_string(j));
    }
    writer.commit();
    CHECK(article_documents(index.open()) == added);
}

TEST_CASE("an article the index cannot hold is reported and the run goes on", "[indexer][errors]") {
    // what is wrong with the bad article, as a markdown file, and what the error names
    const auto [name, content, reason] = GENERATE(table<std::string, std::string, std::string>({
        {"long-id.md", "# Title\nid: " + std::string(300, 'x') + "\n\n## Causes\n\nSome text.\n", "id"},
        {"long-source.md", "# Title\nid: long-source\nsource: " + std::string(300, 's') + "\n\n## Causes\n\nSome text.\n",
         "source"},
        // an article id that is also the id of another article's passage ("a#1") would overwrite it
        {"passage-like-id.md", "# Title\nid: good#1\n\n## Causes\n\nSome text.\n", "good#1"},
    }));
    CAPTURE(name);
    test::TempIndex index;
    const auto good = index.write("good.md", markdown("good", numbered("fine", 2)));
    const auto bad = index.write(name, content);
    const IndexSummary summary = index.index({good, bad});
    CHECK(summary.articles == 1);
    CHECK(summary.failures == 1);
    REQUIRE(index.observer.errors.size() == 1);
    CHECK_THAT(index.observer.errors.front(), Catch::Contains(bad.string()) && Catch::Contains(reason));
    const IndexDatabases database = index.open();
    CHECK(article_documents(database) == 1);
    check_complete(database, "good");
    CHECK(test::stored_passages(database.passages, "good").size() == 2);
}

TEST_CASE("a section name of any length is indexed and filterable", "[indexer][errors]") {
    test::TempIndex index;
    const std::string section = "Section " + std::string(400, 'z') + " end";
    const auto file = index.write("long-section.md", "# Title\nid: long-section\n\n## " + section + "\n\nSome text.\n");
    const IndexSummary summary = index.index({file});
    CHECK(index.observer.errors.empty());
    CHECK(summary.articles == 1);
    const IndexDatabases database = index.open();
    const std::vector<nlohmann::json> passages = test::stored_passages(database.passages, "long-section");
    REQUIRE(passages.size() == 1);
    CHECK(passages.front().at("section") == section);  // the stored data keeps the name whole

    // The filter finds it by its whole name or by a word of it.
    const std::string wanted = GENERATE_COPY(as<std::string>{}, section, "section", "Section " + std::string(400, 'z'));
    SearchFilters filters;
    filters.sections = {wanted};
    Xapian::Enquire enquire(database.passages);
    enquire.set_query(build_filter(filters, database.passages));
    CHECK(enquire.get_mset(0, 10).size() == 1);
}

TEST_CASE("a crash between the two databases' commits is repaired by the next writer", "[indexer][batch]") {
    // What the crash left: the articles database at batch 2 (it commits first), with "late" added and
    // "gone" removed in that batch; the passages database still at batch 1.
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        writer.add(make_article("kept", numbered("keepword", 2)));
        writer.add(make_article("gone", numbered("goneword", 3)));
        writer.commit();
    }
    {
        Xapian::WritableDatabase articles(schema::articles_path(index.db()).string());
        const Analyzer analyzer;
        const DocumentBuilder builder(analyzer);
        BuiltArticle late = builder.build(make_article("late", numbered("lateword", 4)));
        articles.replace_document(std::string(schema::unique_id) + "late", late.article.document);
        articles.delete_document(std::string(schema::unique_id) + "gone");
        articles.set_metadata(schema::batch_articles_metadata, "late\ngone\n");
        articles.set_metadata(schema::batch_metadata, "2");
        articles.commit();
    }
    const IndexStats before = read_index_stats(index.db());
    CHECK_FALSE(before.passages_current);
    { IndexWriter writer(index.db()); }
    const IndexDatabases repaired = index.open();
    CHECK(committed_batch(repaired.passages) == 2);
    CHECK(read_index_stats(index.db()).passages_current);
    check_complete(repaired, "kept");
    check_complete(repaired, "late");
    CHECK(documents_of(repaired, "gone") == 0);
    CHECK(passage_documents(repaired) == 2 + 4);
}
