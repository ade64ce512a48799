#include "tools/lay_terms.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace medsearch {

namespace {


std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

bool is_lower_word(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }) &&
           word.front() != '-' && word.back() != '-';
}

bool is_term(std::string_view word) {
    return is_lower_word(word) && std::count_if(word.begin(), word.end(), [](char c) { return c != '-'; }) >= 5;
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Words a noun phrase does not reach back over.
constexpr std::array<std::string_view, 52> kPhraseBreaks = {
    "a",        "an",       "the",     "and",      "or",        "but",       "with",     "without",  "include",
    "includes", "including", "included", "as",     "by",        "to",        "is",       "are",      "was",
    "were",     "be",       "been",    "being",    "have",      "has",       "had",      "may",      "can",
    "could",    "cause",    "causes",  "caused",   "called",    "such",      "their",    "his",      "her",
    "its",      "in",       "on",      "at",       "for",       "from",      "also",     "that",     "which",
    "who",      "these",    "this",    "those",    "develop",   "experience", "known"};

// Glosses that name a kind or a share of something rather than the thing.
bool names_a_kind(const std::vector<std::string_view>& words) {
    constexpr std::array<std::string_view, 12> heads = {"type", "types", "kind", "kinds", "form", "forms",
                                                        "group", "part", "class", "family", "member", "one"};
    return words.size() >= 2 && words[1] == "of" && is_one_of(words[0], heads);
}

bool is_gloss(const std::vector<std::string_view>& words, std::string_view term) {
    if (words.size() < 2 || words.size() > 6 || names_a_kind(words)) return false;
    if (words.front() == "of" || words.back() == "of" || is_one_of(words.back(), kPhraseBreaks)) return false;
    return std::all_of(words.begin(), words.end(), [&](std::string_view word) { return is_lower_word(word) && word != term; });
}

std::string join(const std::vector<std::string_view>& words) {
    std::string text;
    for (const std::string_view word : words) {
        if (!text.empty()) text += ' ';
        text += word;
    }
    return text;
}

// The noun phrase that ends the text: back to a clause boundary or a phrase break ("the" stays inside
// after "of": "clouding of the lens"). None when the phrase is coordinated ("white blood cells (leukopenia)
// or red blood cells (anemia)"): its head is elided and what stands before the bracket is a fragment.
std::optional<std::vector<std::string_view>> phrase_before(std::string_view text) {
    const std::size_t boundary = text.find_last_of(",;:()[]\"");
    if (boundary != std::string_view::npos) text.remove_prefix(boundary + 1);
    const std::vector<std::string_view> words = words_of(text);
    std::size_t start = words.size();
    while (start > 0) {
        const std::string_view word = words[start - 1];
        const bool inner_article = (word == "the" || word == "a") && start >= 2 && words[start - 2] == "of";
        if (is_one_of(word, kPhraseBreaks) && !inner_article) break;
        --start;
    }
    // The break, or the word before an article that is the break: a conjunction means an elided head, a
    // preposition that the phrase is only the place of something ("deposits in the artery walls").
    constexpr std::array<std::string_view, 9> cut_off = {"and", "or", "but", "in", "on", "at", "into", "within", "inside"};
    for (std::size_t back = start; back > 0 && back + 2 > start; --back) {
        const std::string_view word = words[back - 1];
        if (is_one_of(word, cut_off)) return std::nullopt;
        if (word != "the" && word != "a" && word != "an") break;
    }
    return std::vector<std::string_view>(words.begin() + static_cast<std::ptrdiff_t>(start), words.end());
}

}  // namespace

std::vector<LayGloss> find_lay_glosses(std::string_view sentence) {
    std::vector<LayGloss> found;
    for (std::size_t open = sentence.find('('); open != std::string_view::npos; open = sentence.find('(', open + 1)) {
        const std::size_t close = sentence.find(')', open);
        if (close == std::string_view::npos) break;
        const std::vector<std::string_view> inside = words_of(sentence.substr(open + 1, close - open - 1));
        if (inside.empty()) continue;
        if (inside.size() != 1 || !is_term(inside.front())) continue;
        const std::optional<std::vector<std::string_view>> gloss = phrase_before(sentence.substr(0, open));
        if (gloss && is_gloss(*gloss, inside.front())) found.push_back({std::string(inside.front()), join(*gloss)});
    }
    return found;
}

}  // namespace medsearch
