// The jats reader on the eight real PMC articles of ../shared/data/jats, checked against counts taken from
// the same files by an independent query (pugixml XPath over the XML), and on small articles written here
// for what those eight do not hold (lists, deep sections, formulas, a <pmc-articleset>).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "readers/jats_reader.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

namespace {

std::filesystem::path jats_file(const std::string& name) { return test::shared_dir() / "data" / "jats" / name; }

const Article& only_article(const test::CollectingSink& sink) {
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    return sink.articles.front();
}

std::size_t count(const pugi::xml_document& document, const char* xpath) {
    return document.select_nodes(xpath).size();
}

// What the XML says, by XPath, about what the reader should find.
struct XmlCounts {
    std::size_t top_sections = 0;    // distinct section names: abstracts, body sections, appendices, untitled text
    std::size_t text_sections = 0;   // sections (at any depth) that hold paragraphs of their own
    std::size_t paragraphs = 0;
    std::size_t captions = 0;
    std::size_t references = 0;
    std::size_t references_with_pmid = 0;
    std::size_t references_with_doi = 0;
    std::set<int> cited;             // reference numbers cited in the text, ranges "[3]–[5]" filled in
};

// A ref's number: its <label> when that is a number, else its place among the refs.
std::map<std::string, int> ref_numbers(const pugi::xml_document& document) {
    std::map<std::string, int> numbers;
    int position = 0;
    for (const pugi::xpath_node& ref : document.select_nodes("/article/back//ref-list//ref")) {
        ++position;
        std::string label = ref.node().child("label").text().as_string();
        std::string digits;
        for (char c : label)
            if (c >= '0' && c <= '9') digits += c;
        numbers[ref.node().attribute("id").value()] = digits.empty() ? position : std::stoi(digits);
    }
    return numbers;
}

bool is_dash(std::string text) {
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-", " "})
        for (std::size_t at = text.find(dash); at != std::string::npos; at = text.find(dash)) text.erase(at, dash.size());
    return text.empty();
}

XmlCounts xml_counts(const pugi::xml_document& document) {
    XmlCounts counts;
    // Paragraphs of running text: not inside captions, tables, figures or footnotes, and holding text of
    // their own besides any figure or table anchored in them.
    const char* running_text = "[not(ancestor::caption or ancestor::table-wrap or ancestor::fig "
                               "or ancestor::supplementary-material or ancestor::fn or ancestor::list-item)]"
                               "[text()[normalize-space(.) != ''] or *[not(self::supplementary-material or self::fig "
                               "or self::table-wrap)][normalize-space(.) != '']]";
    for (std::string root : {"/article/front/article-meta/abstract", "/article/body", "/article/back/app-group/app"})
        counts.paragraphs += count(document, (root + "//p" + running_text).c_str());
    counts.captions = count(document, "(/article/body | /article/floats-group | /article/back/app-group)"
                                      "//*[self::fig or self::table-wrap or self::supplementary-material][caption]");
    std::set<std::string> abstract_titles;
    for (const pugi::xpath_node& abstract : document.select_nodes("/article/front/article-meta/abstract"))
        abstract_titles.insert(abstract.node().child("title").text().as_string());
    counts.top_sections = abstract_titles.size() + count(document, "/article/body/sec") +
                          count(document, "/article/back/app-group/app") +
                          (count(document, "/article/body/p") > 0 ? 1 : 0);
    counts.text_sections = count(document, "/article/front/article-meta/abstract//sec[p]") +
                           count(document, "/article/front/article-meta/abstract[p]") +
                           count(document, "/article/body//sec[p]") + count(document, "/article/back/app-group/app[p]") +
                           (count(document, "/article/body/p") > 0 ? 1 : 0);
    counts.references = count(document, "/article/back//ref-list//ref");
    counts.references_with_pmid = count(document, "/article/back//ref-list//ref[.//pub-id[@pub-id-type='pmid']]");
    counts.references_with_doi = count(document, "/article/back//ref-list//ref[.//pub-id[@pub-id-type='doi']]");

    const std::map<std::string, int> numbers = ref_numbers(document);
    for (const pugi::xpath_node& xref : document.select_nodes("/article//xref[@ref-type='bibr']")) {
        const auto found = numbers.find(xref.node().attribute("rid").value());
        if (found == numbers.end()) continue;
        counts.cited.insert(found->second);
        // "[3]–[5]": a dash between two citations cites what lies between.
        const pugi::xml_node between = xref.node().next_sibling();
        const pugi::xml_node next = between.next_sibling();
        if (between.type() == pugi::node_pcdata && is_dash(between.value()) &&
            std::string_view(next.attribute("ref-type").value()) == "bibr") {
            const auto to = numbers.find(next.attribute("rid").value());
            if (to != numbers.end())
                for (int n = found->second + 1; n < to->second; ++n) counts.cited.insert(n);
        }
    }
    return counts;
}

}  // namespace

TEST_CASE("jats: every real article reads with the sections, passages, citations and references its XML holds",
          "[jats][shared]") {
    const std::string name = GENERATE(as<std::string>{}, "1471-2180-11-174.nxml", "1472-6831-8-11.nxml", "6605965a.nxml",
                                      "ehp-116-1694.nxml", "mds526.nxml", "pntd.0002065.nxml", "pone.0000217.nxml",
                                      "pone.0046493.nxml");
    CAPTURE(name);
    const auto file = jats_file(name);
    REQUIRE(detect_format(file) == Format::jats);
    const Article article = only_article(test::read_all(file));

    pugi::xml_document document;
    REQUIRE(document.load_file(file.c_str()));
    const XmlCounts expected = xml_counts(document);

    std::set<std::string> sections;
    std::set<std::pair<std::string, std::string>> text_sections;
    std::size_t paragraphs = 0, captions = 0;
    std::set<int> cited;
    for (const Passage& passage : article.passages) {
        sections.insert(passage.section);
        if (passage.kind == PassageKind::caption) ++captions;
        else text_sections.insert({passage.section, passage.heading}), ++paragraphs;
        CHECK(passage.line > 0);
        cited.insert(passage.citations.begin(), passage.citations.end());
    }
    CHECK(sections.size() == expected.top_sections);
    CHECK(text_sections.size() == expected.text_sections);
    CHECK(paragraphs == expected.paragraphs);
    CHECK(captions == expected.captions);
    CHECK(cited == expected.cited);

    CHECK(article.references.size() == expected.references);
    std::size_t with_pmid = 0, with_doi = 0;
    for (const Reference& reference : article.references) {
        with_pmid += reference.pmid.empty() ? 0 : 1;
        with_doi += reference.doi.empty() ? 0 : 1;
        CHECK(!reference.text.empty());
    }
    CHECK(with_pmid == expected.references_with_pmid);
    CHECK(with_doi >= expected.references_with_doi);  // DOIs written in a comment count too

    // Ids, dates and journal from <front>.
    CHECK(article.id == "PMC" + std::string(document.select_node("//article-meta/article-id[@pub-id-type='pmc']").node().text().as_string()));
    CHECK(article.pmcid == article.id);
    CHECK(article.pmid == document.select_node("//article-meta/article-id[@pub-id-type='pmid']").node().text().as_string());
    CHECK(article.doi == document.select_node("//article-meta/article-id[@pub-id-type='doi']").node().text().as_string());
    CHECK(article.url == "https://www.ncbi.nlm.nih.gov/pmc/articles/" + article.id + "/");
    CHECK(article.source == "pmc");
    CHECK(article.published.size() == 10);
    CHECK(!article.journal.empty());
    CHECK(article.mesh.size() == count(document, "//article-meta/kwd-group/kwd"));
}

TEST_CASE("jats: chosen passages read exactly", "[jats][shared]") {
    struct Expected {
        std::string file, section, heading, kind, text_start;
        std::vector<int> citations;
    };
    const auto expected = GENERATE(values<Expected>({
        // a range [1]-[9] and lists [10]-[13], [17,18] in one paragraph: every number in between
        {"1471-2180-11-174.nxml", "Background", "", "paragraph",
         "Some phenotypic variation arises from randomness in cellular processes despite identical environments and "
         "genotypes. Population heterogeneity",
         {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25}},
        // brackets written as entities (&#x0005b;1&#x0005d;–&#x0005b;5&#x0005d;)
        {"pone.0000217.nxml", "Introduction", "", "paragraph",
         "A persistent question in biology is how organismal complexity changes through the course of evolution. "
         "Although significant progress",
         {1, 2, 3, 4, 5}},
        // nested section: section › heading, and a table caption with its label
        {"1471-2180-11-174.nxml", "Results", "", "caption",
         "Table 1. Effects of holin allelic sequences on the stochasticity of lysis time.", {}},
        {"1471-2180-11-174.nxml", "Results", "Effect of late promoter pR' activity", "paragraph",
         "Transcription of the late genes, including the holin gene S, from the pR' promoter marks the beginning",
         {36, 40, 50, 51, 52}},
        // a structured abstract: section "Abstract", heading its part
        {"ehp-116-1694.nxml", "Abstract", "Methods", "paragraph",
         "Breeding pairs of adult fathead minnows (Pimephales promelas) were given dietary PBDE-47 at two doses "
         "(2.4 μg/pair/day or 12.3 μg/pair/day) for 21 days.",
         {}},
        // author-year citations stay in the text and still cite their references
        {"ehp-116-1694.nxml", "", "", "paragraph",
         "PBDEs are structurally similar to THs, and it has been hypothesized that PBDEs might interfere with TH "
         "transport and metabolism (Birnbaum and Staskal 2004; McDonald 2002).",
         {4, 36, 50, 19, 37, 35, 49}},
        // a second abstract under its own title
        {"pntd.0002065.nxml", "Author Summary", "", "paragraph", "Rift Valley fever (RVF) is a mosquito-borne disease", {}},
    }));
    CAPTURE(expected.file, expected.text_start);
    const Article article = only_article(test::read_all(jats_file(expected.file)));
    const Passage* found = nullptr;
    for (const Passage& passage : article.passages)
        if (passage.text.starts_with(expected.text_start)) found = &passage;
    REQUIRE(found != nullptr);
    CHECK(found->section == expected.section);
    CHECK(found->heading == expected.heading);
    CHECK(test::kind_name(found->kind) == expected.kind);
    CHECK(found->citations == expected.citations);
}

TEST_CASE("jats: titles and text read as a reader sees them, entities and markup resolved", "[jats][shared]") {
    const Article lambda = only_article(test::read_all(jats_file("1471-2180-11-174.nxml")));
    CHECK(lambda.title == "Factors influencing lysis time stochasticity in bacteriophage \xCE\xBB");  // &#x003bb;
    CHECK(lambda.published == "2011-08-02");
    CHECK(lambda.journal == "BMC Microbiology");
    const Article minnows = only_article(test::read_all(jats_file("ehp-116-1694.nxml")));
    CHECK(minnows.title.starts_with("Dietary Exposure to 2,2\xE2\x80\xB2,4,4\xE2\x80\xB2-Tetrabromodiphenyl Ether"));
    CHECK(minnows.mesh.front() == "basic transcription element-binding protein");
    // "T<sub>4</sub>" reads "T4"; no passage keeps a numeric citation marker or a formula's TeX.
    bool t4 = false;
    for (const Passage& passage : minnows.passages) {
        t4 = t4 || passage.text.find("plasma thyroxine (T4)") != std::string::npos;
        CHECK(passage.text.find("\\documentclass") == std::string::npos);
    }
    CHECK(t4);
}

TEST_CASE("jats: references carry their number, text, PMID and DOI (parentheses kept whole)", "[jats][shared]") {
    struct Expected {
        std::string file;
        std::size_t index;
        int number;
        std::string text, pmid, doi, url;
    };
    const auto expected = GENERATE(values<Expected>({
        {"1471-2180-11-174.nxml", 0, 1,
         "Avery SV. Microbial cell individuality and the underlying sources of heterogeneity. Nat Rev Microbiol. "
         "2006;4:577\xE2\x80\x93" "587.",
         "16845428", "10.1038/nrmicro1460", ""},
        {"mds526.nxml", 39, 40,
         "Victora CG, Vaughan JP, Barros FC, et al. Explaining trends in inequities: evidence from Brazilian child "
         "health studies. Lancet. 2000;356(9235):1093\xE2\x80\x93" "1098.",
         "11009159", "10.1016/S0140-6736(00)02741-0", "http://dx.doi.org/10.1016/S0140-6736(00)02741-0"},
        // a publisher's punctuated citation, read as written
        {"pone.0046493.nxml", 0, 1,
         "Chakroborty A (2011) Drug-resistant tuberculosis: an insurmountable epidemic? Inflammopharmacology 19: "
         "131\xE2\x80\x93" "137",
         "21127999", "", ""},
        // author-year references are numbered by their place in the list
        {"6605965a.nxml", 1, 2, "American Cancer Society. Global Cancer Facts and Figures 2007. American Cancer Society: Atlanta. 2007.", "", "", ""},
    }));
    CAPTURE(expected.file, expected.number);
    const Article article = only_article(test::read_all(jats_file(expected.file)));
    REQUIRE(article.references.size() > expected.index);
    const Reference& reference = article.references[expected.index];
    CHECK(reference.number == expected.number);
    CHECK(reference.text == expected.text);
    CHECK(reference.pmid == expected.pmid);
    CHECK(reference.doi == expected.doi);
    CHECK(reference.url == expected.url);
}

namespace {

std::string jats(const std::string& body, const std::string& back = "") {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and "
           "Interchange DTD v1.0 20120330//EN\" \"JATS-archivearticle1.dtd\">\n"
           "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>"
           "<article-id pub-id-type=\"pmid\">123</article-id>"
           "<title-group><article-title>IL-1<italic>&#x003b2;</italic> in fever</article-title></title-group>"
           "<pub-date pub-type=\"ppub\"><month>May</month><year>2019</year></pub-date>"
           "</article-meta></front>\n<body>" +
           body + "</body>\n<back><ref-list>" + back + "</ref-list></back></article>\n";
}

const std::string three_refs = "<ref id=\"r1\"><label>1</label><mixed-citation>One.</mixed-citation></ref>"
                               "<ref id=\"r2\"><label>2</label><mixed-citation>Two.</mixed-citation></ref>"
                               "<ref id=\"r3\"><label>3</label><mixed-citation>Three.</mixed-citation></ref>";

Article read_jats_text(const std::string& text) {
    test::ScratchDir dir;
    const auto file = dir.write("article.nxml", text);
    return only_article(test::read_all(file));
}

}  // namespace

TEST_CASE("jats: lists are bullets that keep the sentence introducing them", "[jats]") {
    const Article article = read_jats_text(jats(
        "<sec><title>Causes</title>"
        "<p>Fever has many causes. The most common are:<list list-type=\"bullet\">"
        "<list-item><p>infections <xref ref-type=\"bibr\" rid=\"r1\">1</xref></p></list-item>"
        "<list-item><p>drugs, among them:</p><list><list-item><p>antibiotics</p></list-item></list></list-item>"
        "</list>which all raise IL-1&#x003b2;.</p>"
        "<p>Rarer ones follow:</p><list><list-item><p>tumours</p></list-item></list>"
        "<list><title>Warning signs</title><list-item><p>stiff neck</p></list-item></list>"
        "</sec>",
        three_refs));
    CHECK(article.title == "IL-1\xCE\xB2 in fever");
    CHECK(article.id == "123");  // no PMC id: the PMID
    CHECK(article.published == "2019-05");
    struct Expected {
        std::string kind, lead_in, text;
    };
    const std::vector<Expected> expected = {
        {"paragraph", "", "Fever has many causes. The most common are:"},
        {"bullet", "The most common are:", "infections"},
        {"bullet", "The most common are:", "drugs, among them:"},
        {"bullet", "drugs, among them:", "antibiotics"},
        {"paragraph", "", "which all raise IL-1\xCE\xB2."},
        {"paragraph", "", "Rarer ones follow:"},
        {"bullet", "Rarer ones follow:", "tumours"},
        {"bullet", "Warning signs", "stiff neck"},
    };
    REQUIRE(article.passages.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(test::kind_name(article.passages[i].kind) == expected[i].kind);
        CHECK(article.passages[i].lead_in == expected[i].lead_in);
        CHECK(article.passages[i].text == expected[i].text);
        CHECK(article.passages[i].section == "Causes");
    }
    CHECK(article.passages[1].citations == std::vector<int>{1});
}

TEST_CASE("jats: nested sections give section › sub-heading paths, formulas and tables are no passages", "[jats]") {
    const Article article = read_jats_text(jats(
        "<sec><title>Methods</title><sec><title>Strains</title><sec><title>Plasmids</title>"
        "<p>Plasmid text <xref ref-type=\"bibr\" rid=\"r1\">[1]</xref>&#x2013;<xref ref-type=\"bibr\" rid=\"r3\">[3]</xref>.</p>"
        "<disp-formula><tex-math>\\documentclass{article} x^2</tex-math></disp-formula>"
        "<table-wrap id=\"T1\"><label>Table 1</label><caption><p>Strains used.</p></caption>"
        "<table><tr><td>12.5</td><td>3.1</td></tr></table><table-wrap-foot><p>Footnote.</p></table-wrap-foot></table-wrap>"
        "</sec></sec><sec><title>Media</title><p>Media text (<xref ref-type=\"bibr\" rid=\"r2\">2</xref>, "
        "<xref ref-type=\"bibr\" rid=\"r3\">3</xref>).</p></sec></sec>",
        three_refs));
    REQUIRE(article.passages.size() == 3);
    CHECK(article.passages[0].section == "Methods");
    CHECK(article.passages[0].heading == "Strains \xE2\x80\xBA Plasmids");
    CHECK(article.passages[0].text == "Plasmid text.");
    CHECK(article.passages[0].citations == std::vector<int>{1, 2, 3});
    CHECK(article.passages[1].kind == PassageKind::caption);
    CHECK(article.passages[1].text == "Table 1. Strains used.");
    CHECK(article.passages[2].heading == "Media");
    CHECK(article.passages[2].text == "Media text.");
    CHECK(article.passages[2].citations == std::vector<int>{2, 3});
    REQUIRE(article.references.size() == 3);
    CHECK(article.references[2].number == 3);
    CHECK(article.references[2].text == "Three.");
}

TEST_CASE("jats: a <pmc-articleset> yields each of its articles", "[jats]") {
    test::ScratchDir dir;
    std::string one = jats("<p>First.</p>");
    std::string two = jats("<p>Second.</p>");
    for (std::string* text : {&one, &two}) text->erase(0, text->find("<article "));
    const auto file = dir.write("set.xml", "<?xml version=\"1.0\"?>\n<pmc-articleset>" + one + two + "</pmc-articleset>\n");
    REQUIRE(detect_format(file) == Format::jats);
    auto sink = test::read_all(file);
    REQUIRE(sink.articles.size() == 2);
    CHECK(sink.articles[1].passages.at(0).text == "Second.");
}

TEST_CASE("jats: sections nested past the limit are a file:line error, not a crash", "[jats][hardening]") {
    std::string body;
    const std::size_t depth = GENERATE(max_jats_section_depth + 1, std::size_t{100000});
    for (std::size_t i = 0; i < depth; ++i) body += "<sec><title>S</title>\n";
    body += "<p>Deep.</p>";
    for (std::size_t i = 0; i < depth; ++i) body += "</sec>";
    test::ScratchDir dir;
    const auto file = dir.write("deep.nxml", jats(body));
    test::check_parse_error([&] { test::read_all(file); }, file, 4 + max_jats_section_depth, "nested deeper than");
}

TEST_CASE("jats: boxes nested past the limit are a file:line error, not a crash", "[jats][hardening]") {
    std::string body;
    for (int i = 0; i < 200000; ++i) body += "<boxed-text>";
    body += "<p>Deep.</p>";
    for (int i = 0; i < 200000; ++i) body += "</boxed-text>";
    test::ScratchDir dir;
    const auto file = dir.write("boxes.nxml", jats(body));
    CHECK_THROWS_WITH(test::read_all(file), Catch::Contains("blocks nested deeper than"));
}
