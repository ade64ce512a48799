#include "analysis/function_words.h"

#include <algorithm>
#include <array>

#include <xapian.h>

namespace medsearch {

namespace {
// Folded (lower-case) forms; sorted, so lookups are a binary search.
constexpr std::array kFunctionWords = std::to_array<std::string_view>({
    "a", "about", "above", "after", "again", "against", "all", "almost", "also", "although", "always", "am",
    "among", "an", "and", "another", "any", "anyone", "anything", "are", "as", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "did", "do", "does",
    "doing", "done", "down", "during", "each", "either", "else", "enough", "etc", "even", "ever", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "less",
    "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor",
    "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise",
    "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "same", "shall", "she",
    "should", "since", "so", "some", "someone", "something", "sometimes", "still", "such", "than", "that",
    "the", "their", "theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this",
    "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "usually",
    "very", "was", "we", "well", "were", "whether", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
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
