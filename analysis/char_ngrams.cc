#include "analysis/char_ngrams.h"

namespace medsearch {

namespace {

constexpr char kBoundary = '$';  // never part of an ICU word, so it cannot collide with a word's own text

// Byte length of the UTF-8 sequence that starts with this byte (1 for a stray continuation or bad byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    return 1;
}

}  // namespace

std::vector<std::string> character_ngrams(std::string_view folded_word, std::size_t n) {
    std::vector<std::string> grams;
    if (n == 0) return grams;

    // Where each code point of "$word$" starts.
    const std::string marked = kBoundary + std::string(folded_word) + kBoundary;
    std::vector<std::size_t> starts;
    for (std::size_t at = 0; at < marked.size();) {
        starts.push_back(at);
        at += std::min(sequence_length(static_cast<unsigned char>(marked[at])), marked.size() - at);
    }
    const std::size_t letters = starts.size() - 2;
    if (letters < n) return grams;

    // Every run of n code points.
    starts.push_back(marked.size());
    for (std::size_t first = 0; first + n < starts.size(); ++first)
        grams.push_back(marked.substr(starts[first], starts[first + n] - starts[first]));
    return grams;
}

}  // namespace medsearch
