#include "analysis/derivation.h"

#include <algorithm>

namespace medsearch {

namespace {

constexpr std::size_t kMinimumBase = 4;  // shorter bases are too often unrelated words ("pig", "seg")
constexpr std::string_view kNounSuffix = "ment";

bool is_lowercase_word(std::string_view stem) {
    return !stem.empty() && std::all_of(stem.begin(), stem.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<std::string> derivational_variants(std::string_view stem) {
    std::vector<std::string> variants;
    if (!is_lowercase_word(stem)) return variants;

    // treat <-> treatment
    if (stem.ends_with(kNounSuffix)) {
        if (stem.size() - kNounSuffix.size() >= kMinimumBase) variants.emplace_back(stem.substr(0, stem.size() - kNounSuffix.size()));
    } else if (stem.size() >= kMinimumBase) {
        variants.push_back(std::string(stem) + std::string(kNounSuffix));
    }

    // diagnos <-> diagnosi
    if (stem.size() > kMinimumBase && stem.ends_with("osi")) variants.emplace_back(stem.substr(0, stem.size() - 1));
    else if (stem.size() >= kMinimumBase + 1 && stem.ends_with("os")) variants.push_back(std::string(stem) + "i");
    return variants;
}

}  // namespace medsearch
