#include <catch2/catch.hpp>

#include <string>

#include "analysis/analyzer.h"
#include "tools/definition_table.h"

using namespace medsearch;

TEST_CASE("a definition repeated in one sentence counts once", "[definitions]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    DefinitionTable table(keys);
    table.add("MI", "myocardial infarction", "sentence one");
    table.add("MI", "myocardial infarction", "sentence one");
    CHECK(table.dominant(2, 0.7).kept.empty());
    table.add("MI", "Myocardial infarctions", "sentence two");  // same key, another spelling
    const DominantChoice choice = table.dominant(2, 0.7);
    REQUIRE(choice.kept.size() == 1);
    CHECK(choice.kept[0].name == "MI");
    CHECK(choice.kept[0].sightings == 2);
    CHECK(table.definitions_of(keys.key("MI")).size() == 1);
}

TEST_CASE("dominant keeps one meaning, counting its spelling variants with it", "[definitions]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    DefinitionTable table(keys);
    int sentence = 0;
    auto add = [&](const char* name, const char* definition, int times) {
        for (int i = 0; i < times; ++i) table.add(name, definition, "s" + std::to_string(sentence++));
    };
    add("CT", "computed tomography", 5);
    add("CT", "computerized tomography", 3);  // a variant: 8 of 9 for one meaning
    add("CT", "clinical trial", 1);
    add("AD", "Alzheimer disease", 6);
    add("AD", "atopic dermatitis", 4);        // 60%: ambiguous
    add("RARE", "really awful rare example", 1);
    const DominantChoice choice = table.dominant(2, 0.7);
    CHECK(choice.names == 3);
    CHECK(choice.ambiguous == 1);
    CHECK(choice.too_rare == 1);
    REQUIRE(choice.kept.size() == 1);
    CHECK(choice.kept[0].definition == "computed tomography");
    CHECK(choice.kept[0].variants == std::vector<std::string>{"computerized tomography"});
    CHECK(choice.kept[0].sightings == 8);
    CHECK(choice.kept[0].total == 9);
}

TEST_CASE("are_spelling_variants", "[definitions]") {
    const auto [a, b, expected] = GENERATE(table<std::string, std::string, bool>({
        {"computed tomography", "computerized tomography", true},
        {"apnea-hypopnea index", "apnoea-hypopnoea index", true},
        {"Cognitive behavioral therapy", "cognitive-behavioral therapy", true},
        {"Alzheimer disease", "atopic dermatitis", false},
        {"", "", false},
    }));
    CAPTURE(a, b);
    CHECK(are_spelling_variants(a, b, DefinitionTable::kVariantShare) == expected);
}

TEST_CASE("frequent keeps every definition seen often enough, most seen first", "[definitions]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    DefinitionTable table(keys);
    for (int i = 0; i < 3; ++i) table.add("leukopenia", "low white blood cell count", "a" + std::to_string(i));
    for (int i = 0; i < 2; ++i) table.add("leukopenia", "shortage of white blood cells", "b" + std::to_string(i));
    table.add("leukopenia", "once only", "c");
    const auto chosen = table.frequent(2, 4);
    REQUIRE(chosen.size() == 1);
    REQUIRE(chosen[0].size() == 2);
    CHECK(chosen[0][0].definition == "low white blood cell count");
    CHECK(chosen[0][1].definition == "shortage of white blood cells");
    CHECK(table.frequent(2, 1)[0].size() == 1);
}
