#include "analysis/function_words.h"

#include <algorithm>
#include <array>

#include <xapian.h>

namespace medsearch {

namespace {
// Folded (lower-case) forms; sorted, so lookups are a binary search.
constexpr std::array kFunctionWords = std::to_array<std::string_view>({
    "a", "about", "after", "against", "although", "am", "among", "an", "and", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "but", "by", "can", "cannot", "could", "did", "do", "does",
    "doing", "done", "during", "etc", "for", "from", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
    "may", "me", "might", "must", "my", "myself", "no", "nor", "not", "of", "on", "or", "our", "ours",
    "ourselves", "per", "shall", "she", "should", "since", "so", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this", "those", "though",
    "through", "thus", "to", "until", "upon", "us", "was", "we", "were", "whether", "which", "while", "who",
    "whom", "whose", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
    "yourselves",
});
static_assert(std::is_sorted(kFunctionWords.begin(), kFunctionWords.end()));
}  // namespace

bool is_function_word(std::string_view folded_word) {
    return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), folded_word);
}

const std::vector<std::string>& function_word_terms() {
    static const std::vector<std::string> terms = [] {
        const Xapian::Stem stem("english");
        std::vector<std::string> stems;
        for (const std::string_view word : kFunctionWords) {
            stems.emplace_back(word);
            stems.push_back(stem(std::string(word)));
        }
        std::sort(stems.begin(), stems.end());
        stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
        return stems;
    }();
    return terms;
}

}  // namespace medsearch
