// Function words: the list feedback never adds, as words and as the terms the analyzer indexes.
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "analysis/analyzer.h"
#include "analysis/function_words.h"
#include "analysis/stopwords.h"

namespace medsearch::test {
namespace {

TEST_CASE("function words are words without a subject, as written and as indexed", "[analysis][feedback]") {
    const Analyzer analyzer;
    const std::vector<std::string>& terms = function_word_terms();
    REQUIRE(std::is_sorted(terms.begin(), terms.end()));
    const auto [word, function] = GENERATE(table<std::string, bool>({
        // The words feedback once added to one-word questions.
        {"can", true}, {"your", true}, {"you", true}, {"may", true}, {"have", true},
        // Every stopword is one.
        {"the", true}, {"with", true}, {"there", true},
        // Inflected forms index as stems ("does" -> "doe").
        {"does", true}, {"having", true}, {"themselves", true},
        // Quantifiers and particles make meaningful compounds ("all-cause", "up-regulation"): not listed.
        {"all", false}, {"one", false}, {"up", false},
        // Words about a subject are not, question words included (the question parser weighs those).
        {"leukopenia", false}, {"cause", false}, {"treatment", false}, {"what", false}, {"how", false},
        {"cells", false}, {"low", false}, {"count", false},
    }));
    CAPTURE(word);
    CHECK(is_function_word(word) == function);
    CHECK(std::binary_search(terms.begin(), terms.end(), analyzer.term_for(word)) == function);
    if (is_stopword(word)) CHECK(function);
}

}  // namespace
}  // namespace medsearch::test
