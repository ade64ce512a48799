// Each article's nearest articles: the stored list round-trips, a damaged one is an error, the nearest
// article is the one sharing the rare words, an article is never its own neighbour, linking again changes
// nothing, and deleting an article takes it out of the others' lists.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "indexer/neighbours.h"
#include "indexer/schema.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

// Article id -> its article document.
Xapian::docid article_document(const Xapian::Database& database, const std::string& id) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(std::string(schema::article) + id),
                                    Xapian::Query(std::string(schema::kind) + std::string(schema::kind_article))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet found = enquire.get_mset(0, 2);
    REQUIRE(found.size() == 1);
    return *found.begin();
}

std::vector<Neighbour> stored_neighbours(const Xapian::Database& database, const std::string& id) {
    return decode_neighbours(database.get_document(article_document(database, id)).get_value(schema::neighbours_slot));
}

void index_articles(IndexWriter& writer) {
    for (const Article& article : test::two_subject_articles()) writer.add(article);
}

}  // namespace

TEST_CASE("a neighbour list survives the round trip through its value", "[indexer][neighbours]") {
    const std::vector<Neighbour> list = GENERATE(std::vector<Neighbour>{}, std::vector<Neighbour>{{1, 0.5F}},
                                                 std::vector<Neighbour>{{4294967295U, 12.25F}, {7, 0.0F}, {300, 3.5e-3F}});
    const std::string bytes = encode_neighbours(list);
    CHECK(bytes.size() == 8 * list.size());
    CHECK(decode_neighbours(bytes) == list);
}

TEST_CASE("a neighbour list that is not whole entries is a database error", "[indexer][neighbours]") {
    const std::size_t size = GENERATE(1, 7, 9, 15);
    CHECK_THROWS_AS(decode_neighbours(std::string(size, 'x')), DatabaseError);
}

TEST_CASE("each article's nearest is the one sharing its rare words, never itself", "[indexer][neighbours]") {
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        CHECK(writer.link_neighbours({}) == 5);
        // Linking again finds the same lists: nothing to store.
        CHECK(writer.link_neighbours({}) == 0);
    }
    const Xapian::Database database = index.open();
    const auto [id, nearest] = GENERATE(table<std::string, std::string>({{"g1", "g2"}, {"h1", "h2"}, {"h2", "h1"}}));
    CAPTURE(id);
    const std::vector<Neighbour> neighbours = stored_neighbours(database, id);
    REQUIRE_FALSE(neighbours.empty());
    CHECK(neighbours.size() <= NeighbourOptions{}.neighbours);
    CHECK(neighbours.front().document == article_document(database, nearest));
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
        CHECK(neighbours[i].document != article_document(database, id));
        CHECK(neighbours[i].similarity > 0);
        if (i > 0) CHECK(neighbours[i].similarity <= neighbours[i - 1].similarity);
    }
}

TEST_CASE("the index job links neighbours, and a deleted article leaves the others' lists", "[indexer][neighbours]") {
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        writer.link_neighbours({});
    }
    Xapian::docid removed = 0;
    {
        const Xapian::Database database = index.open();
        removed = article_document(database, "g2");
        const std::vector<Neighbour> before = stored_neighbours(database, "g1");
        REQUIRE(std::any_of(before.begin(), before.end(), [&](const Neighbour& n) { return n.document == removed; }));
    }
    {
        IndexWriter writer(index.db());
        REQUIRE(writer.remove("g2"));
        writer.commit();
        writer.link_neighbours({});
    }
    const std::vector<Neighbour> after = stored_neighbours(index.open(), "g1");
    CHECK_FALSE(after.empty());
    CHECK(std::none_of(after.begin(), after.end(), [&](const Neighbour& n) { return n.document == removed; }));
}

TEST_CASE("an index run stores every article's neighbours unless told to keep none", "[indexer][neighbours]") {
    const std::size_t kept = GENERATE(0, 1, 3);
    test::TempIndex index;
    const auto a = index.write("a.md", "# Filgrastim\nid: a\n\n## Research\n\nFilgrastim treats neutropenia after chemotherapy.\n");
    const auto b = index.write("b.md", "# Neutropenia\nid: b\n\n## Research\n\nNeutropenia after chemotherapy and filgrastim.\n");
    const auto c = index.write("c.md", "# Stroke\nid: c\n\n## Research\n\nStroke after hypertension.\n");
    test::TempIndexOptions options;
    options.neighbours.neighbours = kept;
    const IndexSummary summary = index.index({a, b, c}, options);
    CHECK(summary.neighbour_lists == (kept == 0 ? 0 : 2));  // c shares no word: its list stays empty
    const Xapian::Database database = index.open();
    // a shares words with b alone: its only neighbour, however many are kept.
    const std::vector<Neighbour> neighbours = stored_neighbours(database, "a");
    REQUIRE(neighbours.size() == std::min<std::size_t>(kept, 1));
    if (kept > 0) CHECK(neighbours.front().document == article_document(database, "b"));
}

// A bug fixed: `delete` relinked every article with the default three neighbours, whatever the index was
// built with (an index built with --neighbours 0 gained lists it was meant not to have).
TEST_CASE("relinking after a delete keeps the neighbour count the index was built with", "[indexer][neighbours]") {
    const std::size_t kept = GENERATE(0, 1, 2);
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        index_articles(writer);
        NeighbourOptions options;
        options.neighbours = kept;
        writer.link_neighbours(options);
    }
    {
        IndexWriter writer(index.db());
        CHECK(writer.linked_neighbour_options().neighbours == kept);
        REQUIRE(writer.remove("h2"));
        writer.commit();
        writer.link_neighbours(writer.linked_neighbour_options());
    }
    // g1 has two other granulocyte articles to link to: it keeps exactly as many as the index asked for.
    CHECK(stored_neighbours(index.open(), "g1").size() == kept);
}

TEST_CASE("linking with no neighbours clears the lists an earlier run stored", "[indexer][neighbours]") {
    test::TempIndex index;
    IndexWriter writer(index.db());
    index_articles(writer);
    writer.link_neighbours({});
    REQUIRE_FALSE(stored_neighbours(index.open(), "g1").empty());
    NeighbourOptions none;
    none.neighbours = 0;
    CHECK(writer.link_neighbours(none) == 5);
    CHECK(stored_neighbours(index.open(), "g1").empty());
}

TEST_CASE("an index that never linked neighbours reports the default count", "[indexer][neighbours]") {
    test::TempIndex index;
    IndexWriter writer(index.db());
    CHECK(writer.linked_neighbour_options().neighbours == NeighbourOptions{}.neighbours);
}
