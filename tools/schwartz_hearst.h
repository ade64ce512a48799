// Abbreviation definitions in running text, after Schwartz & Hearst (2003), "A simple algorithm for
// identifying abbreviation definitions in biomedical text" (PSB 2003), written here from the paper's
// description. A definition is written "long form (SF)" or, less often, "SF (long form)"; the short form's
// letters and digits are found right to left in the long form, its first character at the start of a word.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

struct AbbreviationDefinition {
    std::string short_form;  // "G-CSF"
    std::string long_form;   // "granulocyte colony-stimulating factor"

    bool operator==(const AbbreviationDefinition&) const = default;
};

// The paper's test of a short form: 2 to 10 bytes, one or two words, a letter somewhere, and a letter or
// digit first.
bool is_short_form_candidate(std::string_view text);

// How many words before "(SF)" may hold the long form: min(|SF| + 5, 2 |SF|), |SF| in characters.
std::size_t long_form_word_limit(std::string_view short_form);

// The long form the short form abbreviates at the end of `candidate`, or nullopt. Each letter or digit of
// the short form, last to first, is matched (ASCII case-insensitively) at the nearest place to its left in
// the candidate; the first one must begin a word (no letter or digit before it). The long form runs from
// the start of that word (back to the previous space) to the end of the candidate. It is rejected when it
// is not longer than the short form or holds the short form as a word.
std::optional<std::string_view> match_long_form(std::string_view short_form, std::string_view candidate);

// Every definition in one sentence, in reading order. For each "( ... )": when its text (cut at the first
// ',' or ';') is a short-form candidate, the long form is sought among the last long_form_word_limit words
// before the bracket, not reaching back past another bracket, ';' or ':'; otherwise, when the text has
// more than two words, the word before the bracket is taken as the short form and its long form is sought
// in the bracket.
std::vector<AbbreviationDefinition> find_abbreviation_definitions(std::string_view sentence);

}  // namespace medsearch
