#include "analysis/stopwords.h"

#include <algorithm>
#include <array>

namespace medsearch {

namespace {
// Sorted, so lookups are a binary search.
constexpr std::array<std::string_view, 33> kStopwords = {
    "a",    "an",    "and",   "are",  "as",   "at",   "be",    "but",  "by",   "for",  "if",
    "in",   "into",  "is",    "it",   "no",   "not",  "of",    "on",   "or",   "such", "that",
    "the",  "their", "then",  "there", "these", "they", "this", "to",   "was",  "will", "with",
};
static_assert(std::is_sorted(kStopwords.begin(), kStopwords.end()));
}  // namespace

bool is_stopword(std::string_view folded_word) {
    return std::binary_search(kStopwords.begin(), kStopwords.end(), folded_word);
}

}  // namespace medsearch
