#include <catch2/catch.hpp>

#include <string>

#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;

TEST_CASE("pubmedqa: one article per PMID, one section per labelled context, bad records reported", "[pubmedqa]") {
    const auto file = test::fixture("readers/pubmedqa-mini.json");
    REQUIRE(detect_format(file) == Format::pubmedqa);
    auto sink = read_all(file);
    REQUIRE(sink.articles.size() == 2);

    const Article& article = sink.articles[0];
    CHECK(article.id == "21645374");
    CHECK(article.title == "Do mitochondria play a role?");
    CHECK(article.source == "pubmedqa");
    CHECK(article.updated == "2011");
    CHECK(article.url == "https://pubmed.ncbi.nlm.nih.gov/21645374/");
    CHECK(article.synonyms.empty());  // MeSH terms are not names of the question
    CHECK(article.mesh == std::vector<std::string>{"Mitochondria"});
    CHECK(article.pmid == "21645374");
    CHECK(article.published == "2011");
    const auto [index, section, text] = GENERATE(table<std::size_t, std::string, std::string>({
        {0, "BACKGROUND", "Background text."},
        {1, "RESULTS", "Results text."},
        {2, "CONCLUSIONS", "A conclusion."},
    }));
    REQUIRE(article.passages.size() == 3);
    CHECK(article.passages[index].section == section);
    CHECK(article.passages[index].text == text);

    CHECK(sink.articles[1].id == "4");
    REQUIRE(sink.articles[1].passages.size() == 1);
    CHECK(sink.articles[1].passages[0].section.empty());

    REQUIRE(sink.errors.size() == 2);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("record 2: CONTEXTS must be an array"));
    CHECK(sink.errors[0].line() == 21);
    CHECK_THAT(sink.errors[1].reason(), Catch::Contains("record 3: must be an object"));
    CHECK(sink.errors[1].line() == 25);
    CHECK(article.passages[0].line == 2);
}

TEST_CASE("pubmedqa: JSON that breaks off is an error naming its line, after the records before it", "[pubmedqa]") {
    test::ScratchDir dir;
    const auto file = dir.write("cut.json", "{\n \"1\": {\"QUESTION\": \"Q?\", \"CONTEXTS\": [\"One.\"]},\n \"2\": {\"QUESTION\": \n");
    test::CollectingSink sink;
    test::check_parse_error([&] { read_articles(file, Format::pubmedqa, sink); }, file, 4, "invalid JSON");
    REQUIRE(sink.articles.size() == 1);
    CHECK(sink.articles[0].id == "1");
}
