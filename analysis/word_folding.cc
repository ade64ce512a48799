#include "analysis/word_folding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/errors.h"
#include "common/text.h"

namespace medsearch {

namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Names of the lower-case Greek letters U+03B1..U+03C9 (final sigma U+03C2 folds to sigma already).
constexpr std::array<const char*, 25> kGreekNames = {
    "alpha", "beta", "gamma", "delta",  "epsilon", "zeta", "eta", "theta", "iota",
    "kappa", "lambda", "mu",  "nu",     "xi",      "omicron", "pi", "rho", "sigma",
    "sigma", "tau",  "upsilon", "phi",  "chi",     "psi",  "omega",
};

bool is_greek_letter(UChar32 c) { return c >= 0x03B1 && c <= 0x03C9; }

// Spells out Greek letters when the word is not itself Greek ("ifnγ" -> "ifngamma", "μg" -> "mcg").
icu::UnicodeString spell_greek_letters(const icu::UnicodeString& folded) {
    int32_t greek = 0, letters = 0;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        const UChar32 c = folded.char32At(i);
        if (is_greek_letter(c)) ++greek;
        if (u_isalpha(c)) ++letters;
    }
    if (greek == 0 || (greek == letters && greek > 1)) return folded;  // none, or a Greek word

    icu::UnicodeString spelt;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        const UChar32 c = folded.char32At(i);
        if (!is_greek_letter(c)) {
            spelt.append(c);
            continue;
        }
        // The micro sign before a unit is the "mc" of "mcg", as clinicians write it.
        const bool unit_prefix = c == 0x03BC && i == 0 && folded.length() > 1 && folded.length() <= 4;
        spelt.append(icu::UnicodeString::fromUTF8(unit_prefix ? "mc" : kGreekNames[static_cast<std::size_t>(c - 0x03B1)]));
    }
    return spelt;
}

icu::UnicodeString fold_unicode(std::string_view word) {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* const nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    static const icu::Normalizer2* const nfd = icu::Normalizer2::getNFDInstance(status);
    static const icu::Normalizer2* const nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU normalizers unavailable: ") + u_errorName(status));

    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    icu::UnicodeString decomposed = nfd->normalize(nfkc_cf->normalize(input, status), status);
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the accent of a decomposed letter
        bare.append(c == 0x2019 || c == 0x2018 ? UChar32{'\''} : c);
    }
    icu::UnicodeString composed = nfc->normalize(bare, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU normalization failed: ") + u_errorName(status));
    return spell_greek_letters(composed);
}

// "4,000" -> "4000", "1,234,567" -> "1234567"; "3,4" (a list, or a decimal comma) stays.
void drop_thousands_separators(std::string& word) {
    if (word.find(',') == std::string::npos) return;
    std::size_t group = 0;
    bool first_group = true;
    for (const char c : word) {
        if (c == ',') {
            if ((first_group && (group == 0 || group > 3)) || (!first_group && group != 3)) return;
            first_group = false;
            group = 0;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            ++group;
        } else {
            return;
        }
    }
    if (group != 3) return;
    std::erase(word, ',');
}

}  // namespace

std::string fold_word(std::string_view word) {
    std::string folded;
    if (is_ascii(word)) {
        folded.reserve(word.size());
        for (const char c : word) folded += ascii_lower(c);
    } else {
        fold_unicode(word).toUTF8String(folded);
    }
    drop_thousands_separators(folded);
    // Apostrophes only matter inside a word ("patient's"), never at its edges.
    while (!folded.empty() && folded.back() == '\'') folded.pop_back();
    const std::size_t lead = folded.find_first_not_of('\'');
    if (lead == std::string::npos) return {};
    if (lead > 0) folded.erase(0, lead);
    return folded;
}

}  // namespace medsearch
