// The html reader: the seed article rendered as the site's HTML page reads into exactly the passages of the
// page as saved in text; pages with the usual mess (navigation, scripts, styles, cookie banners, the
// follow-up box, hidden elements, unclosed and mis-nested tags) keep only the article.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/html_reader.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

namespace {

const Article& only_article(const test::CollectingSink& sink) {
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    return sink.articles.front();
}

Article read_page_html(const std::string& html) {
    test::ScratchDir dir;
    return only_article(test::read_all(dir.write("page.html", html)));
}

}  // namespace

TEST_CASE("html: the seed page as HTML reads into the same passages as the seed saved as text", "[html]") {
    const auto html_file = test::fixture("leukopenia.html");
    REQUIRE(detect_format(html_file) == Format::html);
    const Article html = only_article(test::read_all(html_file));
    const Article text = only_article(test::read_all(test::fixture("leukopenia.page.txt")));
    CHECK(html.id == text.id);
    CHECK(html.title == text.title);
    CHECK(html.updated == text.updated);
    CHECK(html.url == "https://www.droracle.ai/articles/leukopenia");
    test::check_same_passages(text, html);
    for (const Passage& passage : html.passages) CHECK(passage.line > 0);
}

TEST_CASE("html: a messy page keeps the article and its references, and nothing else", "[html]") {
    const Article article = only_article(test::read_all(test::fixture("readers/messy-article.html")));
    CHECK(article.title == "Neutropenia after chemotherapy");
    CHECK(article.source == "Health Site");
    CHECK(article.doi == "10.1016/S2352-3026(17)30182-5");
    CHECK(article.published == "2017-11-02");

    struct Expected {
        std::string section, heading, kind, lead_in, text;
        std::vector<int> citations;
    };
    const std::vector<Expected> expected = {
        {"", "", "paragraph", "",
         "Neutropenia is a low count of neutrophils, the white blood cells that fight bacteria. It is the most common "
         "dose-limiting toxicity of chemotherapy.",
         {1, 2, 3}},
        {"Causes", "", "paragraph", "", "Several mechanisms lower the neutrophil count. The most common are:", {2, 3, 4}},
        {"Causes", "", "bullet", "The most common are:", "Chemotherapy that suppresses the bone marrow", {3}},
        {"Causes", "", "bullet", "The most common are:", "Infections such as sepsis and viral illness", {}},
        {"Causes", "", "bullet", "The most common are:", "Nutritional deficiencies:", {}},
        {"Causes", "", "bullet", "Nutritional deficiencies:", "vitamin B12", {}},
        {"Causes", "", "bullet", "Nutritional deficiencies:", "folate", {}},
        {"Diagnosis", "", "paragraph", "", "A complete blood count gives the absolute neutrophil count (ANC).", {}},
        {"Diagnosis", "", "paragraph", "", "An ANC below 500 cells per microliter is severe neutropenia.", {4, 5}},
        {"Diagnosis", "", "caption", "", "Table 1. Grades of neutropenia by absolute neutrophil count.", {}},
        {"Diagnosis", "", "caption", "", "Figure 1. A peripheral blood smear with few neutrophils.", {}},
        {"Diagnosis", "When to test again", "paragraph", "", "Repeat the count before each cycle of chemotherapy.", {}},
    };
    REQUIRE(article.passages.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const Passage& passage = article.passages[i];
        CHECK(passage.section == expected[i].section);
        CHECK(passage.heading == expected[i].heading);
        CHECK(test::kind_name(passage.kind) == expected[i].kind);
        CHECK(passage.lead_in == expected[i].lead_in);
        CHECK(passage.text == expected[i].text);
        CHECK(passage.citations == expected[i].citations);
    }

    REQUIRE(article.references.size() == 5);
    CHECK(article.references[0].number == 1);
    CHECK(article.references[0].pmid == "28419427");
    CHECK(article.references[1].doi == "10.1002/cncr.11882");
    CHECK(article.references[2].doi == "10.1016/S2352-3026(17)30182-5");
    CHECK(article.references[2].url == "https://doi.org/10.1016/S2352-3026(17)30182-5");
    CHECK(article.references[3].url == "https://ashpublications.org/hematology/article/2016/1/38/21007");
    CHECK(article.references[4].text == "Boxer LA. How to approach neutropenia. Hematology 2012;2012:174-182.");
}

TEST_CASE("html: chrome is recognised by element, role, name and wording", "[html]") {
    const auto [chrome, label] = GENERATE(table<std::string, std::string>({
        {"<nav><p>Menu text.</p></nav>", "nav"},
        {"<script>var s = '<p>Script text.</p>';</script>", "script"},
        {"<style>p::after { content: 'Style text.' }</style>", "style"},
        {"<div class=\"cookie-notice\"><p>Cookie text.</p></div>", "cookie class"},
        {"<div id=\"gdpr_banner\"><p>Consent text.</p></div>", "consent id"},
        {"<div role=\"dialog\"><p>Dialog text.</p></div>", "dialog role"},
        {"<dialog open><p>Dialog element text.</p></dialog>", "dialog element"},
        {"<div hidden><p>Hidden text.</p></div>", "hidden"},
        {"<div style=\"display:none\"><p>Invisible text.</p></div>", "display none"},
        {"<div><h3>Have a follow-up question?</h3><p>Ask us.</p></div>", "follow-up box"},
        {"<p>Personalize</p>", "chrome line"},
        {"<form><p>Form text.</p><textarea>Typed text.</textarea></form>", "form"},
    }));
    CAPTURE(label);
    const Article article = read_page_html("<!DOCTYPE html><html><head><title>T</title></head><body><h1>Title</h1>"
                                           "<h2>Section</h2><p>Kept.</p>" + chrome + "</body></html>");
    REQUIRE(article.passages.size() == 1);
    CHECK(article.passages[0].text == "Kept.");
}

TEST_CASE("html: the title falls back to <title>, and a page without either is refused", "[html]") {
    CHECK(read_page_html("<html><head><title>Only a title | Site</title></head><body><p>Text.</p></body></html>").title ==
          "Only a title");
    test::ScratchDir dir;
    const auto file = dir.write("untitled.html", "<html><body><p>Text.</p></body></html>");
    test::check_parse_error([&] { test::read_all(file); }, file, 0, "without a title");
}

TEST_CASE("html: nesting and element counts past the limits are refused before parsing, naming the line",
          "[html][hardening]") {
    test::ScratchDir dir;
    std::string deep = "<!DOCTYPE html>\n<h1>T</h1>\n";
    for (std::size_t i = 0; i < 200000; ++i) deep += "<div>";
    const auto deep_file = dir.write("deep.html", deep);
    test::check_parse_error([&] { test::read_all(deep_file); }, deep_file, 3, "nested deeper than");

    std::string many = "<!DOCTYPE html>\n<h1>T</h1>\n";
    for (std::size_t i = 0; i <= max_html_elements; ++i) many += "<b>x</b>";
    const auto many_file = dir.write("many.html", many);
    test::check_parse_error([&] { test::read_all(many_file); }, many_file, 3, "more than");

    // Unclosed paragraphs and list items do not deepen a page: a long list of them reads.
    std::string flat = "<!DOCTYPE html>\n<h1>T</h1><ul>";
    for (std::size_t i = 0; i < 5000; ++i) flat += "<li><p>item " + std::to_string(i);
    const Article article = only_article(test::read_all(dir.write("flat.html", flat)));
    CHECK(article.passages.size() == 5000);
}
