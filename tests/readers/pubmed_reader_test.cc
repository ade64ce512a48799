// The pubmed reader on the real record of ../shared/data/pubmed (checked against the XML by XPath), on
// larger files built from it and PubMedQA (benchmarks/readers/pubmed_sample.h), plain and gzipped, and on
// the ways a record can be wrong.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <pugixml.hpp>
#include <zlib.h>

#include "benchmarks/readers/pubmed_sample.h"
#include "readers/input_file.h"
#include "readers/pubmed_reader.h"
#include "readers/text.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

namespace {

std::filesystem::path real_record() { return test::shared_dir() / "data" / "pubmed" / "pubmed-29768149.xml"; }

class DeletionSink : public test::CollectingSink {
public:
    void on_delete(const std::string& id, const std::string& origin, std::size_t line) override {
        deleted.push_back(id);
        delete_origins.push_back(origin);
        delete_lines.push_back(line);
    }
    std::vector<std::string> deleted, delete_origins;
    std::vector<std::size_t> delete_lines;
};

DeletionSink read_pubmed_file(const std::filesystem::path& file) {
    DeletionSink sink;
    read_articles(file, Format::pubmed, sink);
    return sink;
}

std::filesystem::path sample(const test::ScratchDir& dir, const std::string& name, std::size_t records, bool gzip,
                             std::size_t delete_every = 0) {
    PubmedSampleOptions options;
    options.template_record = real_record();
    options.pubmedqa = test::shared_dir() / "data" / "pubmedqa" / "ori_pqal.json";
    options.records = records;
    options.gzip = gzip;
    options.delete_every = delete_every;
    const auto file = dir.path() / name;
    write_pubmed_sample(options, file);
    return file;
}

void write_gzip(const std::filesystem::path& file, const std::string& text) {
    gzFile out = gzopen(file.c_str(), "wb");
    REQUIRE(out != nullptr);
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
}

std::string article_xml(const std::string& pmid, const std::string& title, const std::string& abstract = "") {
    return "<PubmedArticle><MedlineCitation><PMID Version=\"1\">" + pmid + "</PMID><Article><Journal><Title>J</Title>"
           "</Journal><ArticleTitle>" + title + "</ArticleTitle>" + abstract + "</Article></MedlineCitation></PubmedArticle>\n";
}

}  // namespace

TEST_CASE("pubmed: the real record reads as its XML says", "[pubmed][shared]") {
    const auto file = real_record();
    REQUIRE(detect_format(file) == Format::pubmed);
    auto sink = read_pubmed_file(file);
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    const Article& article = sink.articles.front();

    pugi::xml_document document;
    REQUIRE(document.load_file(file.c_str()));
    auto text_at = [&](const char* xpath) { return collapse_whitespace(document.select_node(xpath).node().text().as_string()); };

    CHECK(article.id == "29768149");
    CHECK(article.pmid == text_at("//MedlineCitation/PMID"));
    CHECK(article.doi == text_at("//ArticleIdList/ArticleId[@IdType='doi']"));
    CHECK(article.doi == "10.1056/NEJMoa1715274");
    CHECK(article.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
    CHECK(article.journal == "The New England journal of medicine");
    CHECK(article.published == "2018-05-17");
    CHECK(article.updated == "2022-04-10");
    CHECK(article.url == "https://pubmed.ncbi.nlm.nih.gov/29768149/");
    CHECK(article.source == "pubmed");

    // MeSH headings: every DescriptorName, in order.
    std::vector<std::string> headings;
    for (const pugi::xpath_node& name : document.select_nodes("//MeshHeading/DescriptorName")) headings.push_back(name.node().text().as_string());
    CHECK(article.mesh == headings);
    CHECK(article.mesh.size() == 23);

    // Each labelled part is a section; its passages, joined, are its text.
    const pugi::xpath_node_set parts = document.select_nodes("//Abstract/AbstractText");
    std::vector<std::string> sections;
    for (const Passage& passage : article.passages)
        if (sections.empty() || sections.back() != passage.section) sections.push_back(passage.section);
    REQUIRE(sections.size() == parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const pugi::xml_node part = parts[i].node();
        CHECK(sections[i] == part.attribute("Label").value());
        std::string joined;
        for (const Passage& passage : article.passages)
            if (passage.section == sections[i]) joined += (joined.empty() ? "" : " ") + passage.text;
        std::string expected;
        for (const pugi::xml_node& child : part.children()) expected += child.type() == pugi::node_pcdata ? child.value() : child.text().as_string();
        CHECK(joined == collapse_whitespace(expected));
    }
    // RESULTS (184 words) is cut at the passage size; the others stay whole.
    CHECK(article.passages.size() == 5);
    CHECK(article.passages[0].text.starts_with("In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting \xCE\xB2 2-agonist"));
    CHECK(article.passages[0].line == 38);
}

TEST_CASE("pubmed: a file of thousands of records, plain or gzipped, with deletions, streams them all", "[pubmed][shared]") {
    test::ScratchDir dir;
    const bool gzip = GENERATE(false, true);
    const auto file = sample(dir, gzip ? "sample.xml.gz" : "sample.xml", 2500, gzip, 1000);
    CAPTURE(file.string());
    REQUIRE(detect_format(file) == Format::pubmed);
    auto sink = read_pubmed_file(file);
    CHECK(sink.errors.empty());
    REQUIRE(sink.articles.size() == 2500);
    CHECK(sink.articles.front().id == "40000001");
    CHECK(sink.articles.back().id == "40002500");
    CHECK(sink.articles.front().title == "Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?");
    CHECK(sink.articles.front().mesh.front() == "Alismataceae");
    CHECK(sink.deleted == std::vector<std::string>{"40001000", "40002000"});
    CHECK(sink.delete_origins.front() == file.string());
    CHECK(sink.delete_lines.front() > sink.articles[998].passages.front().line);
}

TEST_CASE("pubmed: a bad record is reported with its line and the next one is read", "[pubmed]") {
    test::ScratchDir dir;
    const std::string head = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>\n";
    const std::string content =
        head + article_xml("1", "Good one.") +                                              // line 4
        "<PubmedArticle><MedlineCitation><Article><ArticleTitle>No PMID</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n" +
        "<PubmedArticle><MedlineCitation><PMID>3</PMID>\n<Article><ArticleTitle>Broken</Title></Article></MedlineCitation></PubmedArticle>\n" +
        article_xml("4", "Bad \xC3\x28 byte.") +                                             // line 8
        "<!-- a comment with <PubmedArticle> inside is not a record -->\n" +                 // line 9
        article_xml("5", "<![CDATA[Title with </PubmedArticle> in CDATA]]>") +               // line 10
        "<DeleteCitation><PMID Version=\"1\">77</PMID><PMID Version=\"1\">78</PMID></DeleteCitation>\n" +  // line 11
        article_xml("6", "Last good one.") + "</PubmedArticleSet>\n";
    const auto file = dir.write("mixed.xml", content);
    auto sink = read_pubmed_file(file);
    REQUIRE(sink.articles.size() == 3);
    CHECK(sink.articles[0].id == "1");
    CHECK(sink.articles[1].title == "Title with </PubmedArticle> in CDATA");
    CHECK(sink.articles[2].id == "6");
    CHECK(sink.deleted == std::vector<std::string>{"77", "78"});
    CHECK(sink.delete_lines == std::vector<std::size_t>{11, 11});
    REQUIRE(sink.errors.size() == 3);
    CHECK(sink.errors[0].line() == 5);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("without a PMID"));
    CHECK(sink.errors[1].line() == 7);
    CHECK_THAT(sink.errors[1].reason(), Catch::Contains("invalid XML"));
    CHECK(sink.errors[2].line() == 8);
    CHECK_THAT(sink.errors[2].reason(), Catch::Contains("invalid UTF-8"));
}

TEST_CASE("pubmed: a record longer than the limit is skipped without being held", "[pubmed][hardening]") {
    test::ScratchDir dir;
    const auto file = dir.path() / "long.xml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "<PubmedArticleSet>\n" << article_xml("1", "Before.");
        out << "<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>";
        const std::string block(1 << 20, 'x');
        for (std::size_t i = 0; i < max_record_bytes / block.size() + 2; ++i) out << block;
        out << "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n" << article_xml("3", "After.") << "</PubmedArticleSet>\n";
    }
    auto sink = read_pubmed_file(file);
    REQUIRE(sink.articles.size() == 2);
    CHECK(sink.articles[1].id == "3");
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].line() == 3);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("record too long"));
}

TEST_CASE("pubmed: files that are not PubMed, or end inside a record, fail as a whole", "[pubmed]") {
    test::ScratchDir dir;
    const auto [name, content, line, reason] = GENERATE(table<std::string, std::string, std::size_t, std::string>({
        {"other.xml", "<catalog>\n" + article_xml("1", "T") + "</catalog>", 0, "root element <catalog>"},
        {"cut.xml", "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>", 2, "ends inside <PubmedArticle>"},
        {"empty.xml", "", 0, "empty file"},
        {"binary.xml", std::string("<PubmedArticleSet>\0\0", 20), 1, "binary file"},
    }));
    CAPTURE(name);
    const auto file = dir.write(name, content);
    test::check_parse_error([&] { read_pubmed_file(file); }, file, line, reason);
}

TEST_CASE("pubmed: a gzip file cut short is reported, the records before it are read", "[pubmed]") {
    test::ScratchDir dir;
    const auto whole = dir.path() / "whole.xml.gz";
    std::string text = "<PubmedArticleSet>\n";
    for (int i = 1; i <= 400; ++i) text += article_xml(std::to_string(i), "Title number " + std::to_string(i) + " of a long file.");
    write_gzip(whole, text + "</PubmedArticleSet>\n");
    std::ifstream in(whole, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto cut = dir.write("cut.xml.gz", bytes.substr(0, bytes.size() * 2 / 3));
    DeletionSink sink;
    CHECK_THROWS_AS(read_articles(cut, Format::pubmed, sink), ParseError);
    CHECK(sink.articles.size() > 100);
    CHECK(sink.articles.size() < 400);
}

TEST_CASE("pubmed: other abstracts, keywords, book articles and references", "[pubmed]") {
    test::ScratchDir dir;
    const std::string record =
        "<PubmedArticle><MedlineCitation><PMID>9</PMID><Article><Journal><JournalIssue><PubDate><MedlineDate>1998 "
        "Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>Journal</Title></Journal>"
        "<ArticleTitle>[Not Available].</ArticleTitle><Abstract><AbstractText>One plain part.</AbstractText></Abstract>"
        "<OtherAbstract Type=\"plain-language-summary\" Language=\"eng\"><AbstractText Label=\"WHY\">Because.</AbstractText></OtherAbstract>"
        "<OtherAbstract Type=\"Publisher\" Language=\"fre\"><AbstractText>Parce que.</AbstractText></OtherAbstract>"
        "<VernacularTitle>Titre.</VernacularTitle></Article>"
        "<KeywordList><Keyword>fever</Keyword><Keyword>Fever</Keyword><Keyword>fever</Keyword></KeywordList>"
        "</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pmc\">PMC123</ArticleId></ArticleIdList>"
        "<ReferenceList><Reference><Citation>Smith J. A study. Lancet. 2017. doi: 10.1016/S2352-3026(17)30182-5.</Citation>"
        "<ArticleIdList><ArticleId IdType=\"pubmed\">111</ArticleId></ArticleIdList></Reference></ReferenceList>"
        "</PubmedData></PubmedArticle>\n"
        "<PubmedBookArticle><BookDocument><PMID>10</PMID><Book><BookTitle>A Book</BookTitle><PubDate><Year>2020</Year>"
        "</PubDate></Book><ArticleTitle>Chapter one</ArticleTitle><Abstract><AbstractText Label=\"INTRO\">Book text.</AbstractText>"
        "</Abstract></BookDocument></PubmedBookArticle>\n";
    const auto file = dir.write("kinds.xml", "<PubmedArticleSet>\n" + record + "</PubmedArticleSet>\n");
    auto sink = read_pubmed_file(file);
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 2);
    const Article& article = sink.articles[0];
    CHECK(article.title == "Titre.");
    CHECK(article.published == "1998");
    CHECK(article.pmcid == "PMC123");
    CHECK(article.mesh == std::vector<std::string>{"fever", "Fever"});
    REQUIRE(article.passages.size() == 2);
    CHECK(article.passages[0].section == "Abstract");
    CHECK(article.passages[1].section == "Plain language summary");
    CHECK(article.passages[1].heading == "WHY");
    REQUIRE(article.references.size() == 1);
    CHECK(article.references[0].number == 1);
    CHECK(article.references[0].pmid == "111");
    CHECK(article.references[0].doi == "10.1016/S2352-3026(17)30182-5");
    const Article& book = sink.articles[1];
    CHECK(book.id == "10");
    CHECK(book.title == "Chapter one");
    CHECK(book.journal == "A Book");
    CHECK(book.published == "2020");
    CHECK(book.passages.at(0).section == "INTRO");
}
