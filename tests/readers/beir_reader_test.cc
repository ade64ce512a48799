#include <catch2/catch.hpp>

#include <string>

#include "readers/text.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;

TEST_CASE("beir: ids kept as given, long texts split into passages, bad lines reported", "[beir]") {
    const auto file = test::fixture("readers/scifact-mini/corpus.jsonl");
    REQUIRE(detect_format(file) == Format::beir);
    auto sink = read_all(file);
    REQUIRE(sink.articles.size() == 4);

    const Article& short_text = sink.articles[0];
    CHECK(short_text.id == "4983");
    CHECK(short_text.title == "Microstructural development");
    CHECK(short_text.source == "scifact-mini");
    REQUIRE(short_text.passages.size() == 1);
    CHECK(short_text.passages[0].text == "A short abstract of two sentences. It stays one passage.");
    CHECK(short_text.passages[0].section.empty());
    CHECK(short_text.passages[0].line == 1);

    const Article& long_text = sink.articles[1];
    CHECK(long_text.id == "MED-10");
    CHECK(long_text.title.empty());
    REQUIRE(long_text.passages.size() == 3);
    for (const Passage& passage : long_text.passages) {
        CHECK(count_words(passage.text) == 120);
        CHECK(passage.text.starts_with("Sentence "));
        CHECK(passage.text.ends_with("words."));
    }

    CHECK(sink.articles[2].id == "77");
    CHECK(sink.articles[3].id == "T1_Answer1");
    CHECK(sink.articles[3].passages[0].text == "Your baby and the flu: The flu is easily spread.");

    REQUIRE(sink.errors.size() == 2);
    CHECK(sink.errors[0].line() == 4);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("missing field \"text\""));
    CHECK(sink.errors[1].line() == 5);
    CHECK_THAT(sink.errors[1].reason(), Catch::Contains("\"_id\" must be a string or an integer"));
}

TEST_CASE("beir: the passage size is the reader's option", "[beir]") {
    // The fixture's long abstract: 30 sentences of 12 words each, 360 words.
    const auto [min_words, max_words, passages, words_each] = GENERATE(table<std::size_t, std::size_t, std::size_t, std::size_t>({
        {50, 120, 3, 120},    // the default
        {12, 12, 30, 12},     // one sentence each
        {20, 30, 15, 24},     // closed at 24 words: a third sentence would pass 30
        {1, 60, 6, 60},
        {100, 1000, 1, 360},  // a text within MAX stays whole
    }));
    CAPTURE(min_words, max_words);
    ReadOptions options;
    options.passage_size = {min_words, max_words};
    test::CollectingSink sink;
    read_articles(test::fixture("readers/scifact-mini/corpus.jsonl"), Format::beir, sink, options);
    REQUIRE(sink.articles.size() == 4);
    const Article& long_text = sink.articles[1];
    REQUIRE(long_text.passages.size() == passages);
    std::string joined;
    for (const Passage& passage : long_text.passages) {
        CHECK(count_words(passage.text) == words_each);
        joined += (joined.empty() ? "" : " ") + passage.text;
    }
    CHECK(count_words(joined) == 360);
    // The short abstract is one passage at every size that holds its 10 words.
    CHECK(sink.articles[0].passages.size() == (max_words >= 10 ? 1U : 2U));
}
