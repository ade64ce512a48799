#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;
using medsearch::test::ScratchDir;

TEST_CASE("format names round-trip", "[reader]") {
    CHECK(format_names() == std::vector<std::string>{"page", "markdown", "json", "medquad", "beir", "pubmedqa", "jats",
                                                     "pubmed", "html"});
    for (const std::string& name : format_names()) {
        const auto format = parse_format(name);
        REQUIRE(format);
        CHECK(format_name(*format) == name);
    }
    CHECK(!parse_format("xml"));
}

TEST_CASE("formats are detected from extension and first bytes", "[reader]") {
    ScratchDir dir;
    const std::string jats = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \"x.dtd\">\n<article>";
    const std::string pubmed = "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle\" "
                               "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd\">\n<PubmedArticleSet>\n";
    const auto [name, content, expected] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"a.md", "# Q?\n", "markdown"},
        {"a.MARKDOWN", "# Q?\n", "markdown"},
        {"page.txt", "Q?\n\nFrom the Research\n\nText.\n", "page"},
        {"dated.txt", "Q?\nLast updated: May 1, 2024\nText.\n", "page"},
        {"doc.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<Document id=\"1\">\n", "medquad"},
        {"doc2.xml", "<doc docid=\"7\" corpus=\"NINDS\">", "medquad"},
        {"beir.jsonl", "\n{\"_id\": \"1\", \"title\": \"\", \"text\": \"t\"}\n", "beir"},
        {"beir-cut.jsonl", "{\"_id\": \"1\", \"text\": \"" + std::string(70000, 'x') + "\"}\n", "beir"},
        {"json.jsonl", "{\"id\": \"1\", \"title\": \"t\"}\n", "json"},
        {"pqa.json", "{\n \"123\": {\n  \"QUESTION\": \"q\",\n  \"CONTEXTS\": []}}", "pubmedqa"},
        // by extension alone
        {"paper.nxml", "anything", "jats"},
        {"page.html", "anything", "html"},
        {"page.HTM", "anything", "html"},
        // by content, whatever the extension
        {"paper.xml", jats, "jats"},
        {"set.xml", "<pmc-articleset><article>", "jats"},
        {"pubmed25n0001.xml", pubmed, "pubmed"},
        {"saved.txt", "<!DOCTYPE html>\n<html><h1>Q</h1>", "html"},
        {"xhtml.xml", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html"},
        {"records.json", "{\"id\": \"1\", \"title\": \"t\"}\n{\"id\": \"2\"}\n", "json"},
        {"corpus", "{\"_id\": \"1\", \"text\": \"t\"}\n{\"_id\": \"2\", \"text\": \"u\"}\n", "beir"},
        {"article.dat", jats, "jats"},
        {"page", "<html><body><h1>Q</h1>", "html"},
    }));
    CAPTURE(name);
    CHECK(format_name(detect_format(dir.write(name, content))) == expected);
}

TEST_CASE("formats are detected inside gzip files", "[reader]") {
    ScratchDir dir;
    const auto plain = dir.write("pubmed.xml", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n");
    const auto compressed = dir.path() / "pubmed25n0001.xml.gz";
    REQUIRE(std::system(("gzip -c " + plain.string() + " > " + compressed.string()).c_str()) == 0);
    CHECK(detect_format(compressed) == Format::pubmed);
    const auto html = dir.write("page.html", "<!DOCTYPE html><h1>Q</h1>");
    const auto html_gz = dir.path() / "page.html.gz";
    REQUIRE(std::system(("gzip -c " + html.string() + " > " + html_gz.string()).c_str()) == 0);
    test::check_parse_error([&] { detect_format(html_gz); }, html_gz, 0, "(use --format pubmed");
}

TEST_CASE("unknown formats are refused with a hint that names the --format they resemble", "[reader]") {
    ScratchDir dir;
    const auto [name, content, hint] = GENERATE(table<std::string, std::string, std::string>({
        {"notes.txt", "Just some notes\nwith no sections.\n", "(use --format page if it is an article page saved as text"},
        {"other.xml", "<?xml version=\"1.0\"?><catalog></catalog>", "(use --format jats, pubmed or medquad"},
        {"articles.xml", "<articles><item/></articles>", "(use --format jats if it is a JATS <article>)"},
        {"medline.xml", "<MedlineCitationSet></MedlineCitationSet>", "(use --format pubmed if"},
        {"list.json", "[1, 2, 3]", "(use --format json for JSON Lines"},
        {"pretty.json", "{\n  \"id\": \"1\"\n}\n", "(use --format json if it holds one article object per line"},
        {"data.csv", "a,b\n1,2\n", "(use --format NAME; formats: page, markdown, json, medquad, beir, pubmedqa, jats, pubmed, html)"},
        {"noextension", "# Q?\n", "(use --format markdown if it is an article written in markdown)"},
    }));
    CAPTURE(name);
    const auto file = dir.write(name, content);
    test::check_parse_error([&] { detect_format(file); }, file, 0, hint);
    CHECK_THROWS_WITH(detect_format(file), Catch::Contains("unknown format: "));
}

TEST_CASE("bad input gives a ParseError naming the file, the line and the reason", "[reader]") {
    ScratchDir dir;
    const std::string truncated_xml =
        "<?xml version=\"1.0\"?>\n<Document id=\"1\" source=\"GARD\">\n<Focus>X</Focus>\n<QAPairs>\n<QAPair pid=\"1\">\n";
    const auto [name, format, content, line, reason] =
        GENERATE_COPY(table<std::string, std::string, std::string, std::size_t, std::string>({
            {"empty.md", "markdown", "", 0, "empty file"},
            {"empty.jsonl", "beir", "", 0, "empty file"},
            {"blank.jsonl", "json", "\n\n  \n", 0, "empty file"},
            {"latin1.txt", "page", "Q?\n\nFrom the Research\n\ncaf\xE9\n", 5, "invalid UTF-8"},
            {"latin1.md", "markdown", "# Q?\n\ncaf\xE9\n", 3, "invalid UTF-8"},
            {"binary.xml", "medquad", std::string("<Document>\0\0\0", 13), 1, "binary file"},
            {"cut.json", "pubmedqa", "{\n \"1\": {\n  \"QUESTION\": \"q\",\n  \"CONTEXTS\": [\"a\"", 4, "invalid JSON"},
            {"cut.xml", "medquad", truncated_xml, 5, "invalid XML"},
            {"wrongroot.xml", "medquad", "<html><body/></html>", 0, "root element <html>"},
            {"notobject.json", "pubmedqa", "[1, 2]", 1, "expected one JSON object"},
            {"binary.json", "pubmedqa", std::string("{\"1\": \0\0", 9), 1, "binary file"},
            {"wrongroot.nxml", "jats", "<html><body/></html>", 0, "root element <html>"},
            {"cut.nxml", "jats", "<article>\n<front>\n", 2, "invalid XML"},
        }));
    CAPTURE(name);
    const auto file = dir.write(name, content);
    const Format parsed = *parse_format(format);  // a lambda cannot name a structured binding (clang 14)
    test::check_parse_error([&] { read_all(file, parsed); }, file, line, reason);
}

TEST_CASE("bad records of line formats are reported per line while the others survive", "[reader]") {
    ScratchDir dir;
    const std::string good = "{\"_id\": \"ok\", \"title\": \"t\", \"text\": \"Fine.\"}\n";
    const auto file = dir.write("mixed.jsonl", good + "{\"_id\": \"x\", \"text\": \"caf\xE9\"}\n" +
                                                   "{\"_id\": \"y\", \"text\": \"trunc\n" + good);
    auto sink = read_all(file, Format::beir);
    CHECK(sink.articles.size() == 2);
    REQUIRE(sink.errors.size() == 2);
    CHECK(sink.errors[0].line() == 2);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("invalid UTF-8"));
    CHECK(sink.errors[1].line() == 3);
    CHECK_THAT(sink.errors[1].reason(), Catch::Contains("invalid JSON"));
}

TEST_CASE("a 50 MB single line fails cleanly and quickly", "[reader][large]") {
    ScratchDir dir;
    const auto file = dir.path() / "huge.jsonl";
    {
        std::ofstream out(file, std::ios::binary);
        out << "{\"_id\": \"huge\", \"title\": \"t\", \"text\": \"";
        const std::string block(1 << 20, 'a');
        for (int i = 0; i < 50; ++i) out << block;
        // Valid for both formats: beir reads "_id" and "text", json reads "id".
        out << "\"}\n{\"_id\": \"after\", \"id\": \"after\", \"text\": \"Survives.\"}\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const Format format = GENERATE(Format::beir, Format::json);
    CAPTURE(format_name(format));
    auto sink = read_all(file, format);
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].line() == 1);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("record too long"));
    REQUIRE(sink.articles.size() == 1);
    CHECK(sink.articles[0].id == "after");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("a 50 MB single-line page reads without trouble, cut into passages", "[reader][large]") {
    ScratchDir dir;
    std::string page = "Question?\n\nFrom the Research\n\n";
    for (int i = 0; i < 50 * 1024 * 1024 / 64; ++i) page += "A sentence that is written many times over and over again here. ";
    const auto file = dir.write("huge.txt", page + "Done 1.\n");
    const auto start = std::chrono::steady_clock::now();
    auto sink = read_all(file);
    REQUIRE(sink.articles.size() == 1);
    REQUIRE(sink.articles[0].passages.size() > 1000);
    CHECK(sink.articles[0].passages.back().citations == std::vector<int>{1});
    CHECK(sink.articles[0].passages.back().text.ends_with("Done."));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}

TEST_CASE("input files: folders walked in sorted order without hidden and documentation files", "[reader]") {
    ScratchDir dir;
    dir.write("corpus/b.md", "# B\n");
    dir.write("corpus/a.md", "# A\n");
    dir.write("corpus/sub/c.xml", "<Document/>");
    dir.write("corpus/.hidden.md", "# H\n");
    dir.write("corpus/.git/config", "x");
    dir.write("corpus/README.md", "x");
    dir.write("corpus/sub/LICENSE.txt", "x");
    dir.write("corpus/NOTICE.md", "x");
    dir.write("corpus/COPYING", "x");
    const auto single = dir.write("single/.given.md", "# G\n");
    const auto files = list_input_files({single, dir.path() / "corpus"});
    const std::vector<std::filesystem::path> expected = {single, dir.path() / "corpus/a.md", dir.path() / "corpus/b.md",
                                                         dir.path() / "corpus/sub/c.xml"};
    CHECK(files == expected);
    test::check_parse_error([&] { list_input_files({dir.path() / "missing"}); }, dir.path() / "missing", 0,
                            "no such file");
}

TEST_CASE("the bundled corpus reads without errors", "[reader][corpus]") {
    const auto files = list_input_files({test::source_dir() / "corpus" / "articles"});
    REQUIRE(files.size() > 250);
    std::size_t articles = 0, passages = 0;
    for (const auto& file : files) {
        CAPTURE(file.string());
        auto sink = read_all(file);
        CHECK(sink.errors.empty());
        CHECK(sink.articles.size() == 1);
        for (const Article& article : sink.articles) passages += article.passages.size();
        articles += sink.articles.size();
    }
    CHECK(articles == files.size());
    CHECK(passages > articles);
    CHECK(files.front().filename() == "leukopenia.md");
}
