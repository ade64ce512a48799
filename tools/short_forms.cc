#include "tools/short_forms.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "query/question.h"

namespace medsearch {

namespace {

bool is_roman_numeral(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

}  // namespace

ShortFormVerdict judge_short_form(std::string_view short_form, const std::vector<TextUnit>& units,
                                  std::size_t lower_case_documents) {
    std::string letters;
    for (const char c : short_form)
        if (std::isalnum(static_cast<unsigned char>(c))) letters += c;
    if (letters.size() < 2) return ShortFormVerdict::too_short;
    const auto is_upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
    const auto is_lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
    if (std::none_of(letters.begin(), letters.end(), is_upper)) return ShortFormVerdict::lower_case;
    if (letters.size() == 2 && std::any_of(letters.begin(), letters.end(), is_lower)) return ShortFormVerdict::too_short;
    if (is_roman_numeral(letters)) return ShortFormVerdict::roman_numeral;
    if (units.empty()) return ShortFormVerdict::ordinary_word;  // stopwords only ("IS", "OR")
    if (units.size() == 1 && (is_question_word(units.front().word) || lower_case_documents >= 2))
        return ShortFormVerdict::ordinary_word;
    return ShortFormVerdict::safe;
}

const char* describe(ShortFormVerdict verdict) {
    switch (verdict) {
        case ShortFormVerdict::safe: return "safe";
        case ShortFormVerdict::too_short: return "too short";
        case ShortFormVerdict::lower_case: return "no upper-case letter";
        case ShortFormVerdict::roman_numeral: return "Roman numeral";
        case ShortFormVerdict::ordinary_word: return "an ordinary word";
    }
    return "?";
}

}  // namespace medsearch
