#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/page_reader.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::fixture;
using medsearch::test::kind_name;
using medsearch::test::read_all;

namespace {

struct ExpectedPassage {
    std::string section;
    std::string heading;
    std::string kind;
    std::string text_start;
    std::vector<int> citations;
};

const std::string guidelines = "From the Guidelines";
const std::string label = "From the FDA Drug Label";
const std::string research = "From the Research";

// Every passage a person reads on the seed page, in order.
const std::vector<ExpectedPassage> seed_passages = {
    {guidelines, "", "paragraph", "Leukopenia should not be treated with hematopoietic growth factors", {1}},
    {guidelines, "Causes and Treatment", "paragraph", "Leukopenia is a condition characterized by", {}},
    {guidelines, "Causes and Treatment", "bullet", "Viral infections", {}},
    {guidelines, "Causes and Treatment", "bullet", "Certain medications, such as azathioprine (AZA)", {1}},
    {guidelines, "Causes and Treatment", "bullet", "Autoimmune disorders", {}},
    // The page glues the paragraph after the list onto the last bullet; it is split off (see
    // glued_paragraph_start for the rule).
    {guidelines, "Causes and Treatment", "bullet", "Bone marrow problems", {}},
    {guidelines, "Causes and Treatment", "paragraph", "If medication-induced, discontinuing the offending drug", {}},
    {guidelines, "Management", "paragraph", "More severe cases might require medications like", {1}},
    {guidelines, "Key Considerations", "bullet", "The decision to use hematopoietic growth factors", {1}},
    {guidelines, "Key Considerations", "bullet", "Azathioprine and 6-mercaptopurine can cause leukopenia", {1}},
    {guidelines, "Key Considerations", "bullet", "Patients with leukopenia should be closely monitored", {}},
    {label, "", "paragraph", "Decreased platelet count (thrombocytopenia).", {}},
    {label, "", "paragraph", "The drug label does mention leukocytosis", {}},
    {research, "Definition and Causes of Leukopenia", "bullet", "Leukopenia is an abnormal reduction", {2}},
    {research, "Definition and Causes of Leukopenia", "bullet", "The term leukopenia is often used", {2}},
    {research, "Definition and Causes of Leukopenia", "bullet", "Leukopenia can result from reduced production", {2}},
    {research, "Definition and Causes of Leukopenia", "bullet", "Infection, drugs, malignancy, megaloblastosis", {2}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet", "To get close to the diagnosis", {3}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet", "A manual counted peripheral blood smear", {3}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet", "Assessment of patients with neutropenia", {4}},
    {research, "Management and Treatment of Leukopenia", "bullet", "Management requires identification of the cause", {2}},
    {research, "Management and Treatment of Leukopenia", "bullet", "Patients with febrile neutropenia should undergo", {4}},
    {research, "Management and Treatment of Leukopenia", "bullet", "The use of CSF-primed PBPC", {5}},
    {research, "Management and Treatment of Leukopenia", "bullet", "G-CSF was initially used to promote", {6}},
    {research, "Complications and Risks of Leukopenia", "bullet", "The major danger of neutropenia", {2}},
    {research, "Complications and Risks of Leukopenia", "bullet", "Leukopenia can be life-threatening", {3}},
    {research, "Complications and Risks of Leukopenia", "bullet", "Patients with neutropenia can develop", {4}},
    {research, "Complications and Risks of Leukopenia", "bullet", "The risk of febrile neutropenia should be assessed", {4}},
};

void check_seed_structure(const Article& article) {
    REQUIRE(article.passages.size() == seed_passages.size());
    for (std::size_t i = 0; i < seed_passages.size(); ++i) {
        const Passage& passage = article.passages[i];
        const ExpectedPassage& expected = seed_passages[i];
        INFO("passage " << i << ": " << passage.text);
        CHECK(passage.section == expected.section);
        CHECK(passage.heading == expected.heading);
        CHECK(kind_name(passage.kind) == expected.kind);
        CHECK(passage.text.starts_with(expected.text_start));
        CHECK(passage.citations == expected.citations);
    }
}

Article read_seed_page() {
    auto sink = read_all(fixture("leukopenia.page.txt"), Format::page);
    REQUIRE(sink.articles.size() == 1);
    REQUIRE(sink.errors.empty());
    return sink.articles.front();
}

}  // namespace

TEST_CASE("the saved seed page yields exactly the passages a person reads on it", "[page]") {
    const Article article = read_seed_page();
    CHECK(article.id == "leukopenia");
    CHECK(article.title == "What is the cause of leukopenia (low white blood cell count)?");
    CHECK(article.updated == "April 9, 2025");
    CHECK(article.source == "page");
    CHECK(article.references.empty());
    check_seed_structure(article);
}

TEST_CASE("citation markers are cut from the seed page's text, content numbers stay", "[page]") {
    const Article article = read_seed_page();
    CHECK(article.passages[0].text.ends_with("in most cases."));
    CHECK(article.passages[1].text.find("below 4,000 cells per microliter") != std::string::npos);
    CHECK(article.passages[3].text ==
          "Certain medications, such as azathioprine (AZA) and 6-mercaptopurine, which can cause leukopenia in up "
          "to 3.2% of patients");
    CHECK(article.passages[5].text == "Bone marrow problems");
    CHECK(article.passages[6].text ==
          "If medication-induced, discontinuing the offending drug under medical supervision may resolve the "
          "condition. For mild cases, monitoring and preventive measures against infection may be sufficient.");
    CHECK(article.passages[7].text.find("5-10 mcg/kg/day") != std::string::npos);
    CHECK(article.passages[7].text.find("standard chemotherapies. Patients with leukopenia") != std::string::npos);
    CHECK(article.passages[13].text ==
          "Leukopenia is an abnormal reduction of circulating white blood cells, especially the granulocytes.");
    CHECK(article.passages[5].line == 29);
    CHECK(article.passages[6].line == 29);
}

TEST_CASE("no page chrome survives in the seed page's title or passages", "[page]") {
    const Article article = read_seed_page();
    const std::string chrome = GENERATE(as<std::string>{}, "Medical Advisory Board", "Educational purpose",
                                        "Article Review Status", "Submitted", "Under Review", "Approved",
                                        "View editorial policy", "Last updated", "Personalize",
                                        "Help us tailor", "Which best describes you", "Disclaimer",
                                        "healthcare professionals. Any medical decision", "Dr.Oracle",
                                        "follow-up question", "Our Medical A.I.", "world-class");
    CAPTURE(chrome);
    CHECK(article.title.find(chrome) == std::string::npos);
    for (const Passage& passage : article.passages) {
        CHECK(passage.text.find(chrome) == std::string::npos);
        CHECK(passage.heading.find(chrome) == std::string::npos);
        CHECK(passage.section.find(chrome) == std::string::npos);
    }
}

TEST_CASE("the markdown conversion of the seed page reads the same as the page", "[page][markdown]") {
    const Article page = read_seed_page();
    auto sink = read_all(test::source_dir() / "corpus" / "articles" / "leukopenia.md");
    REQUIRE(sink.articles.size() == 1);
    const Article& markdown = sink.articles.front();
    check_seed_structure(markdown);
    CHECK(markdown.id == page.id);
    CHECK(markdown.title == page.title);
    CHECK(markdown.updated == page.updated);
    CHECK(markdown.source == page.source);
    test::check_same_passages(page, markdown);
}

TEST_CASE("the seed page's bullets keep the sentence that introduces their list", "[page]") {
    const Article article = read_seed_page();
    const std::string lead_in = "Treatment depends on the underlying cause, which may include:";
    for (const Passage& passage : article.passages) {
        INFO(passage.text);
        const bool introduced = passage.heading == "Causes and Treatment" && passage.kind == PassageKind::bullet;
        // The other lists follow a sub-heading, not a sentence: they have no lead-in.
        CHECK(passage.lead_in == (introduced ? lead_in : ""));
    }
}

TEST_CASE("a list's lead-in is the last sentence of the paragraph right before it, when it ends with ':'", "[page][markdown]") {
    test::ScratchDir dir;
    const auto [name, content] = GENERATE(table<std::string, std::string>({
        {"lists.txt", "Q?\n\nFrom the Research\n\nFever is common. Causes include:\n"
                      "\xE2\x80\xA2 infection\n\xE2\x80\xA2 drugs\nA closing remark.\n\xE2\x80\xA2 unintroduced\n"},
        {"lists.md", "# Q?\n\n## From the Research\n\nFever is common. Causes include:\n\n- infection\n\n- drugs\n\n"
                     "A closing remark.\n\n- unintroduced\n"},
    }));
    CAPTURE(name);
    const auto sink = read_all(dir.write(name, content));
    REQUIRE(sink.articles.size() == 1);
    const auto& passages = sink.articles[0].passages;
    REQUIRE(passages.size() == 5);
    CHECK(passages[1].lead_in == "Causes include:");
    CHECK(passages[2].lead_in == "Causes include:");
    CHECK(passages[3].lead_in.empty());
    CHECK(passages[4].lead_in.empty());  // the paragraph before it ends with '.'
}

TEST_CASE("a paragraph glued onto a bullet is split off only by the narrow rule", "[page]") {
    // bullet text, what stays the bullet ("" when there is no split)
    const auto [bullet, kept] = GENERATE(table<std::string, std::string>({
        {"Bone marrow problems If medication-induced, discontinuing the drug may resolve it.", "Bone marrow problems"},
        {"HIV infection If untreated, the count falls over several years.", "HIV infection"},
        {"Viral infections", ""},
        // what follows is not a whole sentence
        {"Bone marrow problems If medication-induced", ""},
        {"Treatment with Neupogen", ""},
        // the phrase ends in a function word: the capital starts a name inside the phrase
        {"Infection with Staphylococcus aureus is common in these patients.", ""},
        // punctuation inside the phrase: it is already a sentence or a clause
        {"Certain medications, such as AZA If stopped, the count recovers within weeks.", ""},
        // an acronym is not the start of a sentence
        {"Drugs like G-CSF help the marrow recover in most patients.", ""},
        // the capital comes after more than six words
        {"one two three four five six seven Eight nine ten eleven twelve.", ""},
    }));
    CAPTURE(bullet);
    const std::size_t split = glued_paragraph_start(bullet);
    if (kept.empty()) {
        CHECK(split == std::string::npos);
    } else {
        REQUIRE(split != std::string::npos);
        CHECK(bullet.substr(0, split) == kept + " ");
    }
}

TEST_CASE("a glued paragraph is split only from the last bullet of a list of phrases", "[page]") {
    test::ScratchDir dir;
    const auto file = dir.write("list.txt",
                                "Question?\n\nFrom the Guidelines\n\nCauses\n\n"
                                "  \xE2\x80\xA2 The first cause is described in full.\n"
                                "  \xE2\x80\xA2 Bone marrow problems If medication-induced, stopping the drug helps.\n");
    auto sink = read_all(file, Format::page);
    REQUIRE(sink.articles.size() == 1);
    const auto& passages = sink.articles.front().passages;
    REQUIRE(passages.size() == 2);  // the other bullet is a sentence, so the list is not one of phrases
    CHECK(passages[1].kind == PassageKind::bullet);
    CHECK(passages[1].text.starts_with("Bone marrow problems If"));
}

TEST_CASE("pages: title, date, sections, sub-headings and chrome in other layouts", "[page]") {
    test::ScratchDir dir;
    SECTION("a page without sections keeps its text but not its chrome") {
        const auto file = dir.write("plain.txt", "What is X?\n\nLast updated: May 1, 2024\n\nPersonalize\n\n"
                                                 "X is a thing 3.\n");
        auto sink = read_all(file, Format::page);
        REQUIRE(sink.articles.size() == 1);
        const Article& article = sink.articles.front();
        CHECK(article.updated == "May 1, 2024");
        REQUIRE(article.passages.size() == 1);
        CHECK(article.passages[0].text == "X is a thing.");
        CHECK(article.passages[0].citations == std::vector<int>{3});
        CHECK(article.passages[0].section.empty());
    }
    SECTION("a short line at the end of a section is text, not a heading") {
        const auto file = dir.write("tail.txt", "Q?\n\nFrom the Research\n\nSome closing words\n\nFrom the Guidelines\n\nA.\n");
        auto sink = read_all(file, Format::page);
        const auto& passages = sink.articles.front().passages;
        REQUIRE(passages.size() == 2);
        CHECK(passages[0].text == "Some closing words");
        CHECK(passages[0].heading.empty());
        CHECK(passages[1].section == "From the Guidelines");
    }
    SECTION("text after the disclaimer is chrome until the next section") {
        const auto file = dir.write("footer.txt", "Q?\n\nFrom the Research\n\nA finding 1.\n\nProfessional Medical "
                                                  "Disclaimer\n\nNot advice.\n\nFrom the Guidelines\n\nB.\n");
        auto sink = read_all(file, Format::page);
        const auto& passages = sink.articles.front().passages;
        REQUIRE(passages.size() == 2);
        CHECK(passages[0].text == "A finding.");
        CHECK(passages[1].text == "B.");
    }
    SECTION("a file with only blank lines has no title") {
        const auto file = dir.write("blank.txt", "\n \n");
        CHECK_THROWS_AS(read_all(file, Format::page), ParseError);
    }
}
