// The one analyzer: documents and queries go through the same steps, so a word always becomes the same
// term. Steps: segment (ICU word boundaries over the UTF-8 bytes) -> group hyphen/slash compounds ->
// fold each word (analysis/word_folding.h) -> flag stopwords -> stem (English, Xapian's Snowball).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>
#include <xapian.h>

#include "analysis/token.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace medsearch {

struct AnalyzerOptions {
    bool stem = true;                 // English stemming of words (numbers are never stemmed)
    std::size_t max_term_bytes = 64;  // longer tokens (base64, URLs, garbage) take a position but no term
};

// Not thread-safe (it reuses one ICU break iterator): use one Analyzer per thread.
class Analyzer {
public:
    explicit Analyzer(AnalyzerOptions options = {});
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    // The tokens of the text in reading order. A compound ("G-CSF", "5-10", "mcg/kg/day", "3.2%") yields
    // one joined token at the first part's position, then its parts as words at consecutive positions.
    std::vector<Token> analyze(std::string_view text) const;

    // The term a single folded word becomes (the stemming step alone).
    std::string term_for(std::string_view folded_word) const;

private:
    AnalyzerOptions options_;
    std::unique_ptr<icu::BreakIterator> words_;
    Xapian::Stem stemmer_;
};

}  // namespace medsearch
