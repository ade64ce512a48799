#include "tools/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace medsearch {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// Words after which a '.' is an abbreviation's, not a sentence end (compared in lower case).
bool is_abbreviation_before_period(std::string_view word) {
    constexpr std::array<std::string_view, 14> known = {"al", "dr", "e.g", "eg", "etc", "fig", "i.e", "ie",
                                                        "mr", "mrs", "ms", "no", "st", "vs"};
    if (word.size() == 1) return true;  // an initial ("J. Smith") or a list letter
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return std::find(known.begin(), known.end(), lower) != known.end();
}

bool opens_sentence(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isupper(byte) || std::isdigit(byte) || c == '"' || c == '\'' || c == '(' || c == '[' || byte >= 0x80;
}

}  // namespace

std::vector<std::string_view> split_sentence_views(std::string_view text) {
    std::vector<std::string_view> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t next = i + 1;
        while (next < text.size() && is_space(text[next])) ++next;
        if (next == i + 1 || next >= text.size() || !opens_sentence(text[next])) continue;
        if (c == '.') {
            std::size_t word_start = i;
            while (word_start > start && !is_space(text[word_start - 1])) --word_start;
            if (is_abbreviation_before_period(text.substr(word_start, i - word_start))) continue;
        }
        if (const std::string_view sentence = trim_spaces(text.substr(start, i + 1 - start)); !sentence.empty())
            sentences.push_back(sentence);
        start = next;
        i = next - 1;
    }
    if (const std::string_view rest = trim_spaces(text.substr(std::min(start, text.size()))); !rest.empty())
        sentences.push_back(rest);
    return sentences;
}

}  // namespace medsearch
