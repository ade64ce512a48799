#include <catch2/catch.hpp>

#include <string>

#include "analysis/analyzer.h"
#include "tools/expression_keys.h"
#include "tools/short_forms.h"

using namespace medsearch;

TEST_CASE("judge_short_form keeps abbreviations that cannot be read as words", "[short-forms]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    const auto [short_form, lower_case_documents, expected] = GENERATE(table<std::string, std::size_t, ShortFormVerdict>({
        {"MI", 0, ShortFormVerdict::safe},
        {"G-CSF", 0, ShortFormVerdict::safe},
        {"COPD", 1, ShortFormVerdict::safe},               // one lower-case sighting is a typo, not a word
        {"AIDS", 5, ShortFormVerdict::ordinary_word},      // "hearing aids"
        {"WHO", 0, ShortFormVerdict::ordinary_word},       // a question word
        {"OR", 0, ShortFormVerdict::ordinary_word},        // a stopword
        {"X", 0, ShortFormVerdict::too_short},
        {"Mb", 0, ShortFormVerdict::too_short},
        {"mg", 0, ShortFormVerdict::lower_case},
        {"IV", 0, ShortFormVerdict::roman_numeral},
        {"CD4", 0, ShortFormVerdict::safe},
    }));
    CAPTURE(short_form);
    CHECK(judge_short_form(short_form, keys.units(short_form), lower_case_documents) == expected);
}

TEST_CASE("ExpressionKeys gives spellings that search alike one key", "[keys]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    CHECK(keys.key("G-CSF") == keys.key("GCSF"));
    CHECK(keys.key("Myocardial Infarctions") == keys.key("myocardial infarction"));
    CHECK(ExpressionKeys::length(keys.key("low white blood cell count")) == 5);
    CHECK(keys.key("the of").empty());
    bool only_question_words = false;
    keys.key("what", &only_question_words);
    CHECK(only_question_words);
    keys.key("what is leukopenia", &only_question_words);
    CHECK_FALSE(only_question_words);
}

TEST_CASE("CorpusUsage counts documents, phrases and lower-case use", "[keys]") {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);
    CorpusUsage usage({keys.key("white blood cell")});
    usage.add_document({keys.units("A low white blood cell count."), keys.units("White blood cells again.")});
    usage.add_document({keys.units("Hearing aids help. AIDS is not aids.")});
    usage.add_document({keys.units("Blood tests.")});
    CHECK(usage.documents() == 3);
    CHECK(usage.document_frequency(keys.key("white blood cell")) == 1);
    CHECK(usage.document_frequency(keys.key("blood")) == 2);
    CHECK(usage.document_frequency(keys.key("hearing")) == 1);
    CHECK(usage.lower_case_documents("aids") == 1);
    CHECK(usage.lower_case_documents("blood") == 1);  // "Blood tests." is capitalised
    CHECK(usage.lower_case_documents("hearing") == 0);
}
