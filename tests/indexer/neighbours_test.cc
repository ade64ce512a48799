// Each article's nearest articles: the stored list round-trips, a damaged one is an error, the nearest
// article is the one sharing the rare words, an article is never its own neighbour; linking is
// incremental (only marked articles), a deleted or replaced article leaves the others' lists, an
// interrupted linking is known and completed later, and lists built by many small runs equal those of one
// run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "indexer/neighbours.h"
#include "indexer/schema.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

std::vector<Neighbour> stored_neighbours(const IndexDatabases& index, const std::string& id) {
    return decode_neighbours(index.articles.get_document(test::article_document(index.articles, id)).get_value(schema::neighbours_slot));
}

std::size_t unlinked(const IndexDatabases& index) { return index.articles.get_termfreq(std::string(schema::unlinked)); }

void index_articles(IndexWriter& writer) {
    for (const Article& article : test::two_subject_articles()) writer.add(article);
}

bool lists(const std::vector<Neighbour>& neighbours, const std::string& id) {
    return std::any_of(neighbours.begin(), neighbours.end(), [&](const Neighbour& n) { return n.article == id; });
}

// Every article's list, by id.
std::map<std::string, std::vector<Neighbour>> all_lists(const IndexDatabases& index) {
    std::map<std::string, std::vector<Neighbour>> lists;
    for (auto posting = index.articles.postlist_begin(""); posting != index.articles.postlist_end(""); ++posting) {
        const Xapian::Document document = index.articles.get_document(*posting);
        lists[document.get_value(schema::article_slot)] = decode_neighbours(document.get_value(schema::neighbours_slot));
    }
    return lists;
}

}  // namespace

TEST_CASE("a neighbour list survives the round trip through its value", "[indexer][neighbours]") {
    const std::vector<Neighbour> list = GENERATE(std::vector<Neighbour>{}, std::vector<Neighbour>{{"a", 0.5F}},
                                                 std::vector<Neighbour>{{"pmid:4294967295", 12.25F}, {"", 0.0F}, {"x y\tz", 3.5e-3F}});
    CHECK(decode_neighbours(encode_neighbours(list)) == list);
}

TEST_CASE("a neighbour list that ends inside an entry is a database error", "[indexer][neighbours]") {
    const std::string whole = encode_neighbours({{"abc", 1.0F}});
    const std::size_t cut = GENERATE(1, 3, 4, 6, 10);
    CHECK_THROWS_AS(decode_neighbours(whole.substr(0, cut)), DatabaseError);
    CHECK_THROWS_AS(decode_neighbours(std::string(4, '\xff')), DatabaseError);
}

TEST_CASE("each article's nearest is the one sharing its rare words, never itself", "[indexer][neighbours]") {
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        const LinkSummary summary = writer.link_pending({});
        CHECK(summary.linked == 5);
        CHECK(summary.pending == 0);
        // Nothing is marked any more: linking again looks at nothing.
        CHECK(writer.link_pending({}).linked == 0);
    }
    const IndexDatabases database = index.open();
    CHECK(unlinked(database) == 0);
    const auto [id, nearest] = GENERATE(table<std::string, std::string>({{"g1", "g2"}, {"h1", "h2"}, {"h2", "h1"}}));
    CAPTURE(id);
    const std::vector<Neighbour> neighbours = stored_neighbours(database, id);
    REQUIRE_FALSE(neighbours.empty());
    CHECK(neighbours.size() <= NeighbourOptions{}.neighbours);
    CHECK(neighbours.front().article == nearest);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
        CHECK(neighbours[i].article != id);
        CHECK(neighbours[i].similarity > 0);
        if (i > 0) CHECK(neighbours[i].similarity <= neighbours[i - 1].similarity);
        // The reverse look-up term is there for each.
        CHECK(database.articles.get_termfreq(std::string(schema::links_to) + neighbours[i].article) > 0);
    }
}

TEST_CASE("a deleted or replaced article leaves the others' lists at the next linking", "[indexer][neighbours]") {
    const bool replace = GENERATE(false, true);
    CAPTURE(replace);
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        writer.link_pending({});
    }
    REQUIRE(lists(stored_neighbours(index.open(), "g1"), "g2"));
    {
        IndexWriter writer(index.db());
        if (replace)
            writer.add(test::make_article("g2", {"Preeclampsia and hypertension in pregnancy, nothing else."}));
        else
            REQUIRE(writer.remove("g2"));
        writer.commit();
        // g1 (and g3) had g2 among their nearest: they are marked, and only they and a replaced g2 wait.
        CHECK(unlinked(index.open()) == (replace ? 3 : 2));
        writer.link_pending({});
    }
    const IndexDatabases after = index.open();
    CHECK(unlinked(after) == 0);
    CHECK_FALSE(stored_neighbours(after, "g1").empty());
    CHECK(lists(stored_neighbours(after, "g1"), "g2") == false);
    if (replace) CHECK(stored_neighbours(after, "g2").front().article.starts_with("h"));
}

TEST_CASE("an index run links its new articles unless told to keep none, which leaves them marked", "[indexer][neighbours]") {
    const std::size_t kept = GENERATE(0, 1, 3);
    test::TempIndex index;
    const auto a = index.write("a.md", "# Filgrastim\nid: a\n\n## Research\n\nFilgrastim treats neutropenia after chemotherapy.\n");
    const auto b = index.write("b.md", "# Neutropenia\nid: b\n\n## Research\n\nNeutropenia after chemotherapy and filgrastim.\n");
    const auto c = index.write("c.md", "# Stroke\nid: c\n\n## Research\n\nStroke after hypertension.\n");
    test::TempIndexOptions options;
    options.neighbours.neighbours = kept;
    const IndexSummary summary = index.index({a, b, c}, options);
    CHECK(summary.links.linked == (kept == 0 ? 0 : 3));
    const IndexDatabases database = index.open();
    CHECK(unlinked(database) == (kept == 0 ? 3 : 0));
    // a shares words with b alone: its only neighbour, however many are kept.
    const std::vector<Neighbour> neighbours = stored_neighbours(database, "a");
    REQUIRE(neighbours.size() == std::min<std::size_t>(kept, 1));
    if (kept > 0) CHECK(neighbours.front().article == "b");
    CHECK(stored_neighbours(database, "c").empty());  // c shares no word
}

TEST_CASE("an interrupted linking is known, and the next run completes it", "[indexer][neighbours]") {
    test::TempIndex index;
    {
        IndexWriterOptions options;
        options.batch_articles = 1;  // every linked article is committed at once
        IndexWriter writer(index.db(), options);
        index_articles(writer);
        const std::atomic<bool> stop{true};
        const LinkSummary summary = writer.link_pending({}, &stop);
        CHECK(summary.linked == 0);
        CHECK(summary.pending == 5);
    }
    CHECK(unlinked(index.open()) == 5);
    {
        IndexWriter writer(index.db());
        CHECK(writer.link_pending({}).pending == 0);
    }
    CHECK(unlinked(index.open()) == 0);
    CHECK(stored_neighbours(index.open(), "g1").front().article == "g2");
}

TEST_CASE("lists built by many small runs equal those of one run", "[indexer][neighbours]") {
    // Two subjects of five articles each, with words of their own and words shared with the other subject.
    std::vector<Article> articles;
    const std::vector<std::string> granulocyte{"filgrastim", "neutropenia", "granulocyte", "chemotherapy", "leukaemia"};
    const std::vector<std::string> pregnancy{"preeclampsia", "hypertension", "pregnancy", "proteinuria", "stroke"};
    for (std::size_t i = 0; i < 5; ++i)
        for (const auto* words : {&granulocyte, &pregnancy}) {
            std::string text;
            for (std::size_t j = 0; j < 3; ++j) text += (*words)[(i + j) % 5] + " ";
            articles.push_back(test::make_article((words == &granulocyte ? "g" : "p") + std::to_string(i), {text + "risk."}));
        }
    test::TempIndex at_once, in_steps;
    {
        IndexWriter writer(at_once.db());
        for (const Article& article : articles) writer.add(article);
        writer.link_pending({});
    }
    const std::size_t step = GENERATE(1, 3);
    CAPTURE(step);
    for (std::size_t first = 0; first < articles.size(); first += step) {
        IndexWriter writer(in_steps.db());
        for (std::size_t i = first; i < std::min(articles.size(), first + step); ++i) writer.add(articles[i]);
        writer.link_pending({});
    }
    const auto expected = all_lists(at_once.open());
    const auto got = all_lists(in_steps.open());
    REQUIRE(expected.size() == got.size());
    for (const auto& [id, list] : expected) {
        CAPTURE(id);
        std::vector<std::string> want, have;
        for (const Neighbour& n : list) want.push_back(n.article);
        for (const Neighbour& n : got.at(id)) have.push_back(n.article);
        CHECK(have == want);
    }
}

TEST_CASE("relinking after a delete keeps the neighbour count the index was built with", "[indexer][neighbours]") {
    const std::size_t kept = GENERATE(1, 2);
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        NeighbourOptions options;
        options.neighbours = kept;
        writer.link_pending(options);
    }
    {
        IndexWriter writer(index.db());
        CHECK(writer.linked_neighbour_options().neighbours == kept);
        REQUIRE(writer.remove("g2"));
        writer.commit();
        writer.link_pending(writer.linked_neighbour_options());
    }
    CHECK(stored_neighbours(index.open(), "g1").size() == kept);
}

TEST_CASE("relink marks every article and links them all again", "[indexer][neighbours]") {
    test::TempIndex index;
    IndexWriter writer(index.db());
    index_articles(writer);
    writer.link_pending({});
    CHECK(writer.unlink_all() == 5);
    CHECK(unlinked(index.open()) == 5);
    CHECK(writer.link_pending({}).linked == 5);
    CHECK(unlinked(index.open()) == 0);
}

TEST_CASE("an index that never linked neighbours reports the default count", "[indexer][neighbours]") {
    test::TempIndex index;
    IndexWriter writer(index.db());
    CHECK(writer.linked_neighbour_options().neighbours == NeighbourOptions{}.neighbours);
}
