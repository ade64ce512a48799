// Character n-grams of a word: the sub-word evidence that matches a question's word against the words of
// an article written differently. Biomedical names vary below the level a stemmer sees: "ribosomopathies"
// and "ribosome", "osteoclasts" and "preosteoclasts", "OCT3/4" and "Oct4", "aPKCz" and "PKCζ". Their
// 4-grams overlap where their stems do not. Documents and questions take their n-grams from the one
// analyzer's folded words through this one function, so both sides always cut a word the same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// The n-gram length indexed and searched (measured: benchmarks/results/features.md; 3 and 5, and 4 + 5
// together, did worse on the tuning sets).
inline constexpr std::size_t kNgramLength = 4;

// The n-grams of "$word$" ('$' marks the word's start and end, so a word's beginning and ending count as
// grams of their own), in order, counted in code points, not bytes. A word of fewer than n code points
// has none: it matches as a whole word already. Invalid UTF-8 is cut at byte boundaries as if each bad
// byte were one code point.
std::vector<std::string> character_ngrams(std::string_view folded_word, std::size_t n = kNgramLength);

}  // namespace medsearch
