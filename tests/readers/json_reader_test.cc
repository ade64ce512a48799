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

TEST_CASE("json: bibliographic fields, MeSH, lead-ins and captions are read", "[json]") {
    test::ScratchDir dir;
    const auto file = dir.write(
        "bib.jsonl",
        R"json({"id": "PMC1", "title": "T", "pmid": "12", "pmcid": "PMC1", "doi": "10.1/x(1)", "published": "2020-01-02", )json"
        R"json("journal": "J", "mesh": ["Asthma", " Humans "], "passages": [{"kind": "bullet", "lead_in": "Causes:", "text": "a"}, )json"
        R"json({"kind": "caption", "text": "Table 1. b"}]})json"
        "\n" R"json({"id": "bad", "passages": [{"kind": "figure", "text": "c"}]})json" "\n");
    const auto sink = read_all(file, Format::json);
    REQUIRE(sink.articles.size() == 1);
    const Article& article = sink.articles[0];
    CHECK(article.pmid == "12");
    CHECK(article.pmcid == "PMC1");
    CHECK(article.doi == "10.1/x(1)");
    CHECK(article.published == "2020-01-02");
    CHECK(article.journal == "J");
    CHECK(article.mesh == std::vector<std::string>{"Asthma", "Humans"});
    CHECK(article.passages.at(0).lead_in == "Causes:");
    CHECK(article.passages.at(1).kind == PassageKind::caption);
    REQUIRE(sink.errors.size() == 1);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("\"paragraph\", \"bullet\" or \"caption\""));
}
