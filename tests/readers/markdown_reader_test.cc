#include <catch2/catch.hpp>

#include <string>

#include "readers/markdown_reader.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;
using medsearch::test::ScratchDir;

TEST_CASE("markdown: metadata, sections, headings, bullets, citations and references", "[markdown]") {
    auto sink = read_all(test::fixture("readers/article.md"));
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    const Article& article = sink.articles.front();
    CHECK(article.id == "neutropenia-sample");
    CHECK(article.title == "What causes neutropenia?");
    CHECK(article.updated == "March 3, 2025");
    CHECK(article.url == "https://example.org/neutropenia");
    CHECK(article.source == "medsearch sample");
    CHECK(article.synonyms == std::vector<std::string>{"low neutrophil count", "neutrocytopenia"});

    // section, heading, kind, text, citations
    const auto [index, section, heading, kind, text, citations] =
        GENERATE(table<std::size_t, std::string, std::string, std::string, std::string, std::vector<int>>({
            {0, "", "", "paragraph", "An introduction before any section.", {}},
            {1, "Overview", "", "paragraph",
             "Neutropenia is a low count of neutrophils, below 1,500 cells per microliter. It is common.", {1, 2}},
            {2, "Overview", "Causes", "bullet", "Chemotherapy, which suppresses the marrow.", {1}},
            {3, "Overview", "Causes", "bullet", "Viral infections such as influenza type 2 strains", {3}},
            {4, "Overview", "Causes", "bullet", "Autoimmune disease", {}},
            {5, "Overview", "Causes", "bullet", "Congenital disorders", {4}},
            {6, "Overview", "Causes", "paragraph", "See the guideline for more.", {}},
            {7, "Treatment", "", "bullet", "Filgrastim 5 mcg/kg/day.", {2, 3, 4}},
        }));
    REQUIRE(article.passages.size() == 8);
    const Passage& passage = article.passages[index];
    INFO("passage " << index << ": " << passage.text);
    CHECK(passage.section == section);
    CHECK(passage.heading == heading);
    CHECK(test::kind_name(passage.kind) == kind);
    CHECK(passage.text == text);
    CHECK(passage.citations == citations);
}

TEST_CASE("markdown: numbered references yield their PMID, DOI and URL", "[markdown]") {
    auto sink = read_all(test::fixture("readers/article.md"));
    const auto& references = sink.articles.front().references;
    REQUIRE(references.size() == 3);
    CHECK(references[0].number == 1);
    CHECK(references[0].text.starts_with("Dale DC. How I manage neutropenia."));
    CHECK(references[0].pmid == "12345678");
    CHECK(references[0].doi == "10.1000/blood.2020.1");
    CHECK(references[0].url.empty());
    CHECK(references[1].number == 2);
    CHECK(references[1].pmid.empty());
    CHECK(references[1].doi == "10.1186/s12859-019-3119-4");
    CHECK(references[1].url == "https://doi.org/10.1186/s12859-019-3119-4");
    CHECK(references[2].number == 3);
    CHECK(references[2].text == "A continued reference that spans two lines. PMID: 42");
    CHECK(references[2].pmid == "42");
}

TEST_CASE("markdown: the id falls back to the file stem", "[markdown]") {
    ScratchDir dir;
    auto sink = read_all(dir.write("some-article.md", "# Q?\n\nText.\n"));
    REQUIRE(sink.articles.size() == 1);
    CHECK(sink.articles.front().id == "some-article");
    CHECK(sink.articles.front().source == "markdown");
    CHECK(sink.articles.front().passages.size() == 1);
}

TEST_CASE("markdown: malformed files name the line and the reason", "[markdown]") {
    const auto [content, line, reason] = GENERATE(table<std::string, std::size_t, std::string>({
        {"Text before any title.\n", 1, "title"},
        {"\n\n## A section first\n", 3, "title"},
        {"# Q?\nid: x\ncolour: blue\n", 3, "unknown metadata key 'colour'"},
        {"# Q?\n\nText.\n\n# Another\n", 5, "second '# ' title"},
        {"# Q?\n\n## References\n\n- not numbered\n", 5, "must start with its number"},
    }));
    ScratchDir dir;
    const auto file = dir.write("bad.md", content);
    CAPTURE(content);
    test::check_parse_error([&] { read_all(file, Format::markdown); }, file, line, reason);
}

TEST_CASE("markdown: a url line right after the title is metadata, link syntax keeps its words", "[markdown]") {
    ScratchDir dir;
    auto sink = read_all(dir.write("links.md", "# Q?\nurl: https://example.org/a\n\nSee [the guide](https://x.org) "
                                               "now [2].\nNote: this is text, not metadata.\n"));
    const Article& article = sink.articles.front();
    CHECK(article.url == "https://example.org/a");
    REQUIRE(article.passages.size() == 1);
    CHECK(article.passages[0].text == "See the guide now. Note: this is text, not metadata.");
    CHECK(article.passages[0].citations == std::vector<int>{2});
}
