// Whether an abbreviation can be expanded safely at query time, whatever it abbreviates.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tools/expression_keys.h"

namespace medsearch {

enum class ShortFormVerdict { safe, too_short, lower_case, roman_numeral, ordinary_word };

// At least two letters or digits, an upper-case letter, two characters only when neither is lower case,
// not a Roman numeral, not a stopword or question word, and not written in lower case as an ordinary
// word in two or more documents of the corpus (the analyzer folds case, so "AIDS" would also match
// "hearing aids"). `units` are the short form's text units, `lower_case_documents` the corpus count for
// its folded word.
ShortFormVerdict judge_short_form(std::string_view short_form, const std::vector<TextUnit>& units,
                                  std::size_t lower_case_documents);

const char* describe(ShortFormVerdict verdict);

}  // namespace medsearch
