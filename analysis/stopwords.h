// English stopwords: the short list Lucene's EnglishAnalyzer uses. It is kept short on purpose: question
// words ("what", "how", "cause") are not stopwords here because in a question-answer corpus they can be
// content ("How many people are affected by ..."); the query side weighs them instead.
#pragma once

#include <string_view>

namespace medsearch {

bool is_stopword(std::string_view folded_word);

}  // namespace medsearch
