// Question parsing: concepts (words, compounds, quoted phrases), exclusions and question words, as the
// one analyzer sees them.
#include <catch2/catch.hpp>

#include "query/question.h"

using namespace medsearch;

namespace {

// A concept written compactly: "-" for an exclusion, quotes for a phrase, "joined(parts)" for a
// compound, "?" after a question word.
std::string describe(const Concept& concept_) {
    std::string terms;
    for (const std::string& term : concept_.terms) terms += (terms.empty() ? "" : " ") + term;
    std::string text = concept_.excluded ? "-" : "";
    if (!concept_.joined.empty()) text += concept_.joined + "(" + terms + ")";
    else if (concept_.phrase) text += "\"" + terms + "\"";
    else text += terms;
    if (concept_.frame) text += "?";
    return text;
}

std::string describe(const Question& question) {
    std::string text;
    for (const Concept& concept_ : question.concepts) text += (text.empty() ? "" : " ") + describe(concept_);
    return text;
}

}  // namespace

TEST_CASE("a question becomes its concepts", "[query][question]") {
    const Analyzer analyzer;
    // the question, its concepts described, how many carry content
    const auto [question, concepts, content] = GENERATE(table<std::string, std::string, std::size_t>({
        {"What is the cause of leukopenia?", "what? caus leukopenia", 2},
        {"leukopenia", "leukopenia", 1},
        {"How is G-CSF dosed?", "how? gcsf(g csf) dose", 2},
        {"IL-6 levels", "il6(il 6) level", 2},
        {"Does azathioprine cause leukopenia?", "doe? azathioprin caus leukopenia", 3},  // "does" stems to "doe"
        {"Tell me about neutropenia", "tell? me? about? neutropenia", 1},
        {"What's the dose?", "what? dose", 1},
        // quotes make a phrase; an unbalanced quote runs to the end
        {"\"white blood cell\" count", "\"white blood cell\" count", 2},
        {"count \"white blood cell", "count \"white blood cell\"", 2},
        {"\"the of\" leukopenia", "leukopenia", 1},  // a phrase of stopwords is nothing
        {"\"\"", "", 0},
        // a leading '-' excludes; elsewhere a dash is part of the text
        {"leukopenia -neutropenia", "leukopenia -neutropenia", 1},
        {"-neutropenia", "-neutropenia", 0},
        {"leukopenia -G-CSF", "leukopenia -gcsf(g csf)", 1},
        {"-\"white blood\" leukopenia", "-\"white blood\" leukopenia", 1},
        {"- leukopenia", "leukopenia", 1},
        {"--leukopenia", "leukopenia", 1},
        {"leukopenia - neutropenia", "leukopenia neutropenia", 2},
        {"non-leukopenia", "nonleukopenia(non leukopenia)", 1},
        // stopwords and punctuation leave nothing
        {"the of and", "", 0},
        {"", "", 0},
        {"?!.,;:", "", 0},
        // operators of other engines are words or punctuation here
        {"leukopenia AND neutropenia", "leukopenia neutropenia", 2},
        {"leukopenia OR neutropenia", "leukopenia neutropenia", 2},
    }));
    CAPTURE(question);
    const Question parsed = parse_question(question, analyzer);
    CHECK(describe(parsed) == concepts);
    CHECK(parsed.content_count() == content);
    CHECK_FALSE(parsed.truncated);
}

TEST_CASE("concepts keep their positions and quotes keep phrases apart", "[query][question]") {
    const Analyzer analyzer;
    const Question parsed = parse_question("leukopenia and neutropenia \"white blood\" cells", analyzer);
    REQUIRE(parsed.concepts.size() == 4);
    CHECK(parsed.concepts[1].position == parsed.concepts[0].position + 2);  // the stopword keeps its place
    CHECK(parsed.concepts[2].position > parsed.concepts[1].position + 1);  // the phrase stands apart
    CHECK(parsed.concepts[3].position > parsed.concepts[2].position + 1);
}

TEST_CASE("question words are the ones that frame a question", "[query][question]") {
    const auto [word, frame] = GENERATE(table<std::string, bool>({
        {"what", true}, {"how", true}, {"does", true}, {"tell", true}, {"why", true}, {"which", true},
        {"leukopenia", false}, {"cause", false}, {"treatment", false}, {"", false}, {"What", false},  // folded input only
    }));
    CAPTURE(word);
    CHECK(is_question_word(word) == frame);
}

TEST_CASE("a question at its limits is whole, past them it says what it dropped", "[query][question][limits]") {
    const Analyzer analyzer;
    const QuestionOptions limits;
    // n distinct words "w1x w2x ..." (no stopwords, one concept each), padded with blanks to `bytes`.
    auto words = [](std::size_t count, std::size_t bytes = 0) {
        std::string text;
        for (std::size_t i = 1; i <= count; ++i) text += (i == 1 ? "w" : " w") + std::to_string(i) + "x";
        if (text.size() < bytes) text.append(bytes - text.size(), ' ');
        return text;
    };
    // the question, bytes dropped, concepts dropped
    const auto [question, dropped_bytes, dropped_concepts] = GENERATE_COPY(table<std::string, std::size_t, std::vector<std::string>>({
        {words(3, limits.max_bytes), 0, {}},
        {words(3, limits.max_bytes + 1), 1, {}},
        {words(3, limits.max_bytes) + "w4x", 3, {}},
        {words(limits.max_concepts), 0, {}},
        {words(limits.max_concepts + 1), 0, {"w" + std::to_string(limits.max_concepts + 1) + "x"}},
        {words(limits.max_concepts) + " \"white blood\"", 0, {"white blood"}},
    }));
    CAPTURE(question.size(), dropped_bytes, dropped_concepts);
    const Question parsed = parse_question(question, analyzer);
    CHECK(parsed.cut.dropped_bytes == dropped_bytes);
    CHECK(parsed.cut.read_bytes == question.size() - dropped_bytes);
    CHECK(parsed.cut.dropped_concepts == dropped_concepts);
    CHECK(parsed.truncated == !parsed.cut.empty());
    CHECK(parsed.concepts.size() <= limits.max_concepts);
}
