#include <catch2/catch.hpp>

#include <string>

#include "readers/medquad_reader.h"
#include "readers/text.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using medsearch::test::read_all;

namespace {

std::string render(const std::vector<AnswerBlock>& blocks) {
    std::string out;
    for (const AnswerBlock& block : blocks) {
        if (!out.empty()) out += " | ";
        out += (block.kind == PassageKind::bullet ? "- " : "") + block.text;
    }
    return out;
}

std::filesystem::path medquad_fixture(const std::string& name) { return test::fixture("readers/medquad/" + name); }

}  // namespace

TEST_CASE("medquad: an answer splits on the layout it still has", "[medquad]") {
    // answer as stored, blocks (bullets marked "- ", blocks separated by " | ")
    const auto [answer, blocks] = GENERATE(table<std::string, std::string>({
        // line breaks (CancerGov, NIDDK, NHLBI, CDC)
        {"First paragraph.\n                \nSecond paragraph.", "First paragraph. | Second paragraph."},
        // runs of spaces after a sentence end (GHR, MPlus, SeniorHealth)
        {"One ends here.  Two starts here.", "One ends here. | Two starts here."},
        {"A lead-in:  - one  - two", "A lead-in: | - one | - two"},
        // bullets after a run of spaces (CancerGov, MPlus)
        {"the following:         - The child's age.    -  Where it formed.        Check with your doctor.",
         "the following: | - The child's age. | - Where it formed. | Check with your doctor."},
        {"They are       -  Cutaneous, on the skin.     -  Inhalation.", "They are | - Cutaneous, on the skin. | - Inhalation."},
        // a bullet at the start of a line (CDC, NIDDK)
        {"Symptoms:\n  - high fevers (up to 104-105F)  \n  - severe headache  \n", "Symptoms: | - high fevers (up to 104-105F) | - severe headache"},
        // single-spaced dashes are text: GARD's symptom tables, dashes inside sentences
        {"Albinism - Deafness - The HPO has collected information.", "Albinism - Deafness - The HPO has collected information."},
        {"Any part of your neck - muscles, bones - can hurt.", "Any part of your neck - muscles, bones - can hurt."},
        // runs of spaces inside a sentence are not breaks
        {"bright light  (tonic pupil), along", "bright light (tonic pupil), along"},
        {"", ""},
    }));
    CAPTURE(answer);
    CHECK(render(split_answer_blocks(answer)) == blocks);
}

TEST_CASE("medquad: answer passages pack short paragraphs and keep headings with their text", "[medquad]") {
    const auto [answer, passages] = GENERATE(table<std::string, std::string>({
        // short paragraphs are joined while the passage is under 50 words
        {"One ends here.  Two starts here.", "One ends here. Two starts here."},
        // a heading opens the passage of the paragraph after it
        {"Overview\nA cough is a reflex.", "Overview A cough is a reflex."},
        // an unmarked list of short lines joins the paragraph after it
        {"An EKG shows:\nHow fast your heart beats\nWhether the rhythm is steady\nDoctors use EKGs.",
         "An EKG shows: How fast your heart beats Whether the rhythm is steady Doctors use EKGs."},
        // a lead-in to bullets stays with the paragraph before it
        {"Anthrax is rare.    To help prevent it       - Wash hands.    - Cook meat.",
         "Anthrax is rare. To help prevent it | - Wash hands. | - Cook meat."},
        // a heading before bullets with nothing before it stays its own passage
        {"Key Points\n - The first point.    - The second point.", "Key Points | - The first point. | - The second point."},
    }));
    CAPTURE(answer);
    CHECK(render(answer_passages(answer)) == passages);
}

TEST_CASE("medquad: long answer paragraphs become passages of whole sentences", "[medquad]") {
    std::string answer;
    for (int i = 0; i < 40; ++i) answer += "Sentence number " + std::to_string(i) + " has exactly seven words. ";
    const auto passages = answer_passages(answer);
    REQUIRE(passages.size() > 1);
    std::string joined;
    for (const auto& passage : passages) {
        CHECK(count_words(passage.text) <= 120);
        CHECK(count_words(passage.text) >= 25);
        CHECK(passage.text.ends_with("words."));
        joined += (joined.empty() ? "" : " ") + passage.text;
    }
    CHECK(joined + " " == answer);
}

TEST_CASE("medquad: the passage size packs and splits answers", "[medquad]") {
    std::string answer;  // one paragraph of 40 sentences of seven words
    for (int i = 0; i < 40; ++i) answer += "Sentence number " + std::to_string(i) + " has exactly seven words. ";
    const auto [min_words, max_words, passages] = GENERATE(table<std::size_t, std::size_t, std::size_t>({
        {50, 120, 3},   // the default: 119 + 119 + 42 words (a rest of at least 25 words stays its own)
        {7, 7, 40},     // one sentence each
        {14, 14, 20},   // two sentences each
        {1, 1000, 1},   // the whole answer
    }));
    CAPTURE(min_words, max_words);
    const auto split = answer_passages(answer, {min_words, max_words});
    CHECK(split.size() == passages);
    for (const auto& passage : split) CHECK(count_words(passage.text) <= max_words);
}

TEST_CASE("medquad: a GARD document", "[medquad]") {
    auto sink = read_all(medquad_fixture("2_GARD_QA/0000004.xml"));
    REQUIRE(sink.articles.size() == 1);
    const Article& article = sink.articles.front();
    CHECK(article.id == "GARD_0000004");
    CHECK(article.title == "ABCD syndrome");
    CHECK(article.source == "GARD");
    CHECK(article.url == "https://rarediseases.info.nih.gov/gard/335/abcd-syndrome");
    // One synonym with commas in it, kept as given.
    CHECK(article.synonyms ==
          std::vector<std::string>{"Albinism, Black lock, Cell migration disorder of the neurocytes of the gut and Deafness"});
    REQUIRE(!article.passages.empty());
    for (const Passage& passage : article.passages) {
        CHECK(passage.section == "symptoms");
        CHECK(passage.heading == "What are the symptoms of ABCD syndrome ?");
        CHECK(passage.group == "Sec1");
        CHECK(count_words(passage.text) <= 170);
    }
    CHECK(article.passages.front().text.starts_with("What are the signs and symptoms of ABCD syndrome?"));
    CHECK(article.passages.back().text.ends_with("the sign or symptom may be rare or common."));
}

TEST_CASE("medquad: the other root shapes, missing sources and empty answers", "[medquad]") {
    SECTION("<doc> root of four NINDS files") {
        auto sink = read_all(medquad_fixture("6_NINDS_QA/0000007.xml"));
        const Article& article = sink.articles.front();
        CHECK(article.id == "NINDS_0000007");
        CHECK(article.title == "Holmes-Adie");
        CHECK(article.passages.front().section == "information");
        CHECK(article.passages.front().heading == "what is holmes-adie syndrome ?");
        CHECK(article.passages.front().text.starts_with("Holmes-Adie syndrome (HAS) is a neurological disorder"));
    }
    SECTION("<DiseaseFile> root of one CDC file") {
        auto sink = read_all(medquad_fixture("9_CDC_QA/0000397.xml"));
        const Article& article = sink.articles.front();
        CHECK(article.id == "CDC_0000397");
        CHECK(article.title == "Parasites - Taeniasis");
        CHECK(article.passages.front().group == "Sec1");
    }
    SECTION("a document without answers is an article without passages") {
        auto sink = read_all(medquad_fixture("5_NIDDK_QA/0000056.xml"));
        REQUIRE(sink.articles.size() == 1);
        CHECK(sink.articles.front().id == "NIDDK_0000056");
        CHECK(sink.articles.front().passages.empty());
    }
    SECTION("no source attribute: the source comes from the folder; CDATA is text") {
        auto sink = read_all(medquad_fixture("1_CancerGov_QA/layout.xml"));
        const Article& article = sink.articles.front();
        CHECK(article.id == "CancerGov_0000099_1");
        CHECK(article.source == "CancerGov");
        CHECK(article.synonyms == std::vector<std::string>{"Sample, layout", "Layout sample two"});
        CHECK(render([&] {
                  std::vector<AnswerBlock> blocks;
                  for (const Passage& p : article.passages) blocks.push_back({p.kind, p.group + " " + p.text});
                  return blocks;
              }()) == "Sec1 Key Points | - Sec1 The first key point. | - Sec1 The second key point. | "
                      "Sec1 Layout sample is a made-up condition. It has signs and symptoms that depend on the "
                      "following: | - Sec1 The child's age. | - Sec1 Where the tumor has formed. | "
                      "Sec1 Check with your doctor. | Sec4 Treatment uses rest & fluids.");
        CHECK(article.passages.back().section == "treatment");
    }
}
