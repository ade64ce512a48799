#include <catch2/catch.hpp>

#include <string>

#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;

TEST_CASE("json: a record per line becomes an article with its passages", "[json]") {
    auto sink = read_all(test::fixture("readers/articles.jsonl"));
    REQUIRE(sink.articles.size() == 3);
    const Article& first = sink.articles[0];
    CHECK(first.id == "a1");
    CHECK(first.title == "What is anemia?");
    CHECK(first.url == "https://example.org/anemia");
    CHECK(first.source == "sample");
    CHECK(first.updated == "2024-01-02");
    CHECK(first.synonyms == std::vector<std::string>{"anaemia", "low hemoglobin"});
    REQUIRE(first.passages.size() == 2);  // the blank passage is dropped
    CHECK(first.passages[0].section == "Overview");
    CHECK(first.passages[0].heading == "Definition");
    CHECK(first.passages[0].text == "Anemia is a low red cell count.");
    CHECK(first.passages[0].citations == std::vector<int>{1, 2});
    CHECK(first.passages[0].line == 1);
    CHECK(first.passages[1].kind == PassageKind::bullet);
    CHECK(first.passages[1].group == "g1");
    REQUIRE(first.references.size() == 1);
    CHECK(first.references[0].pmid == "123");
    CHECK(sink.articles[1].id == "a2");
    CHECK(sink.articles[1].passages.empty());
    CHECK(sink.articles[2].id == "a9");
}

TEST_CASE("json: each bad line is reported with its number and reason, the rest goes on", "[json]") {
    auto sink = read_all(test::fixture("readers/articles.jsonl"));
    const auto [index, line, reason] = GENERATE(table<std::size_t, std::size_t, std::string>({
        {0, 4, "\"id\" must not be empty"},
        {1, 5, "missing field \"id\""},
        {2, 6, "\"kind\" must be"},
        {3, 7, "\"passages\" must be an array"},
        {4, 8, "must be a JSON object"},
        {5, 9, "invalid JSON"},
    }));
    REQUIRE(sink.errors.size() == 6);
    const ParseError& error = sink.errors[index];
    CHECK(error.file() == test::fixture("readers/articles.jsonl").string());
    CHECK(error.line() == line);
    CHECK_THAT(error.reason(), Catch::Contains(reason));
}
