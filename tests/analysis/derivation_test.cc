#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/derivation.h"
#include "tests/analysis/join.h"

using medsearch::derivational_variants;

namespace {

std::string stem_of(const medsearch::Analyzer& analyzer, const std::string& word) {
    const auto tokens = analyzer.analyze(word);
    REQUIRE(tokens.size() == 1);
    return tokens.front().term;
}

}  // namespace

TEST_CASE("derivational variants pair a verb's stem with its noun's", "[analysis]") {
    const auto [stem, variants] = GENERATE(table<std::string, std::string>({
        {"treat", "treatment"},
        {"treatment", "treat"},
        {"impair", "impairment"},
        {"diagnos", "diagnosment diagnosi"},  // the first rule's candidate is looked up and not found
        {"diagnosi", "diagnosiment diagnos"},
        {"prognosi", "prognosiment prognos"},
        {"pig", ""},                          // too short a base: pigment is no pig
        {"pigment", ""},
        {"cement", ""},
        {"ment", ""},
        {"", ""},
        {"gcsf", "gcsfment"},
        {"6mp", ""},                          // not a plain word
        {"λευκοπενια", ""},
    }));
    CAPTURE(stem);
    CHECK(medsearch::test::join(derivational_variants(stem)) == variants);
}

TEST_CASE("a question's word reaches the noun the analyzer stems apart from it", "[analysis]") {
    // Each pair is one word family that Snowball's English stemmer leaves as two stems.
    const auto [asked, written] = GENERATE(table<std::string, std::string>({
        {"treated", "Treatment"},
        {"treating", "treatments"},
        {"diagnosed", "Diagnosis"},
        {"diagnose", "diagnosis"},
    }));
    CAPTURE(asked, written);
    const medsearch::Analyzer analyzer;
    const std::string asked_stem = stem_of(analyzer, asked), written_stem = stem_of(analyzer, written);
    REQUIRE(asked_stem != written_stem);  // otherwise the stemmer already conflates them
    const auto forward = derivational_variants(asked_stem), backward = derivational_variants(written_stem);
    CHECK(std::find(forward.begin(), forward.end(), written_stem) != forward.end());
    CHECK(std::find(backward.begin(), backward.end(), asked_stem) != backward.end());
}
