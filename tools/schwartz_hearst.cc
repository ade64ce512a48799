#include "tools/schwartz_hearst.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>

namespace medsearch {

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }


// UTF-8 characters: bytes that do not continue a sequence.
std::size_t count_characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// True when `word` stands in `text` as a whole word (bounded by non-alphanumerics), ignoring case.
bool contains_word(std::string_view text, std::string_view word) {
    if (word.empty() || word.size() > text.size()) return false;
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
        const bool equal = std::equal(word.begin(), word.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                                      [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
        if (!equal) continue;
        const bool starts = at == 0 || !is_alnum(text[at - 1]);
        const bool ends = at + word.size() == text.size() || !is_alnum(text[at + word.size()]);
        if (starts && ends) return true;
    }
    return false;
}

// The last `limit` words of the text.
std::string_view last_words(std::string_view text, std::size_t limit) {
    text = trim(text);
    std::size_t start = text.size();
    for (std::size_t words = 0; start > 0 && words < limit; ++words) {
        while (start > 0 && !is_space(text[start - 1])) --start;
        if (words + 1 < limit)
            while (start > 0 && is_space(text[start - 1])) --start;
    }
    return trim(text.substr(start));
}

// The index of the ')' closing the '(' at `open`, or npos.
std::size_t closing_bracket(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

void add_definition(std::vector<AbbreviationDefinition>& found, std::string_view short_form, std::string_view candidate) {
    if (const auto long_form = match_long_form(short_form, candidate))
        found.push_back({std::string(short_form), std::string(*long_form)});
}

}  // namespace

bool is_short_form_candidate(std::string_view text) {
    if (text.size() < 2 || text.size() > 10 || count_words(text) > 2) return false;
    if (!is_alnum(text.front())) return false;
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

std::size_t long_form_word_limit(std::string_view short_form) {
    const std::size_t characters = count_characters(short_form);
    return std::min(characters + 5, characters * 2);
}

std::optional<std::string_view> match_long_form(std::string_view short_form, std::string_view candidate) {
    candidate = trim(candidate);
    std::ptrdiff_t l = static_cast<std::ptrdiff_t>(candidate.size()) - 1;
    for (std::ptrdiff_t s = static_cast<std::ptrdiff_t>(short_form.size()) - 1; s >= 0; --s) {
        const char wanted = ascii_lower(short_form[static_cast<std::size_t>(s)]);
        if (!is_alnum(wanted)) continue;
        const bool first = s == 0;
        while (l >= 0) {
            const bool same = ascii_lower(candidate[static_cast<std::size_t>(l)]) == wanted;
            const bool word_start = l == 0 || !is_alnum(candidate[static_cast<std::size_t>(l - 1)]);
            if (same && (!first || word_start)) break;
            --l;
        }
        if (l < 0) return std::nullopt;
        if (!first) --l;
    }
    // l is where the first character matched; the long form starts at the space before its word.
    std::size_t start = static_cast<std::size_t>(std::max<std::ptrdiff_t>(l, 0));
    while (start > 0 && !is_space(candidate[start - 1])) --start;
    const std::string_view long_form = candidate.substr(start);
    if (long_form.size() <= short_form.size() || contains_word(long_form, short_form)) return std::nullopt;
    return long_form;
}

std::vector<AbbreviationDefinition> find_abbreviation_definitions(std::string_view sentence) {
    std::vector<AbbreviationDefinition> found;
    for (std::size_t open = sentence.find('('); open != std::string_view::npos; open = sentence.find('(', open + 1)) {
        const std::size_t close = closing_bracket(sentence, open);
        if (close == std::string_view::npos) break;
        std::string_view inside = sentence.substr(open + 1, close - open - 1);
        if (inside.find('(') != std::string_view::npos) continue;  // nested brackets: neither form
        inside = trim(inside.substr(0, std::min(inside.find(';'), inside.find(','))));
        if (inside.empty()) continue;

        if (is_short_form_candidate(inside)) {
            // "long form (SF)": the words before the bracket, not reaching past a clause boundary.
            std::string_view before = sentence.substr(0, open);
            const std::size_t boundary = before.find_last_of("();:[]");
            if (boundary != std::string_view::npos) before.remove_prefix(boundary + 1);
            add_definition(found, inside, last_words(before, long_form_word_limit(inside)));
        } else if (count_words(inside) > 2) {
            // "SF (long form)": the word before the bracket is the short form.
            const std::string_view word = last_words(sentence.substr(0, open), 1);
            if (is_short_form_candidate(word) && inside.find_first_of("[]") == std::string_view::npos &&
                count_words(inside) <= long_form_word_limit(word))
                add_definition(found, word, inside);
        }
    }
    return found;
}

}  // namespace medsearch
