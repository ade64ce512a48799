// English function words: pronouns, auxiliaries and modals, articles and demonstratives, prepositions and
// conjunctions. They say nothing about a subject. Quantifiers and particles ("all", "one", "up") are not in
// the list: they make compounds that do ("all-cause mortality", "up-regulation"), and NFCorpus's
// "mortality" lost a quarter of its nDCG@10 when feedback could not add "all". The index keeps them (only the short
// list of stopwords.h is skipped, so that "can you" or "how much" still match), but words chosen *about*
// a subject, such as pseudo-relevance feedback terms, must not be function words: "can", "your", "may"
// are frequent in the top articles of any one-word question without being about it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

bool is_function_word(std::string_view folded_word);

// The function words as the analyzer indexes them (English Snowball stems), sorted, with every stopword
// of stopwords.h: the terms that feedback never adds.
const std::vector<std::string>& function_word_terms();

}  // namespace medsearch
