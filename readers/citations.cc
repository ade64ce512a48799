#include "readers/citations.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/text.h"
#include "readers/text.h"

namespace medsearch {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) {
    // Any byte of a multi-byte UTF-8 sequence counts as a letter: words like "naïve" end in one.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// Words after which a number is part of what is said, not a citation: names of numbered things, time
// and measurement words, month names, prepositions and conjunctions that take a number, verbs and
// adverbs of amount. Compared in lower case, without a trailing '.'.
constexpr std::string_view content_number_words[] = {
    // numbered things
    "type", "types", "stage", "stages", "grade", "grades", "class", "classes", "phase",
    "phases", "step", "steps", "level", "levels", "version", "figure", "fig", "figs", "table", "tables",
    "chapter", "part", "section", "appendix", "item", "question", "number", "no", "nos", "vol", "volume",
    "page", "pages", "p", "pp", "line", "lines", "grade", "score", "scores", "tier", "cycle", "cycles",
    "dose", "doses", "visit", "visits", "trial", "arm", "group", "groups", "cohort", "wave", "round",
    "chromosome", "chromosomes", "trisomy", "exon", "exons", "intron", "codon", "factor", "lead",
    "gleason", "ecog", "nyha", "apgar", "bmi", "ph", "hba1c", "cd4", "cd8", "n",
    // time and measurement
    "day", "days", "week", "weeks", "month", "months", "year", "years", "age", "ages", "aged", "hour",
    "hours", "minute", "minutes", "second", "seconds", "time", "times", "mg", "mcg", "kg", "g", "ml",
    "l", "mm", "cm", "mmol", "iu", "unit", "units", "percent", "degree", "degrees",
    // months
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
    // prepositions and conjunctions that take a number
    "of", "to", "than", "and", "or", "nor", "in", "on", "at", "by", "from", "with", "between", "for",
    "per", "into", "vs", "versus", "plus", "minus", "over", "under", "above", "below", "about", "around",
    "approximately", "nearly", "almost", "only", "least", "most", "exactly", "roughly", "some", "all",
    "up", "within", "after", "before", "until", "since", "during", "then", "x",
    // verbs of amount
    "is", "was", "were", "are", "be", "been", "being", "equals", "equal", "equalled", "reached",
    "totalled", "totaled", "numbered", "scored", "measured", "counted", "rated",
};

bool is_content_number_word(std::string word) {
    while (!word.empty() && word.back() == '.') word.pop_back();
    word = ascii_lower(word);
    return std::find(std::begin(content_number_words), std::end(content_number_words), word) != std::end(content_number_words);
}

// The word before position `space` (which holds the space in front of a candidate marker).
std::string_view word_before(std::string_view text, std::size_t space) {
    std::size_t begin = space;
    while (begin > 0 && !is_space(text[begin - 1])) --begin;
    return text.substr(begin, space - begin);
}

// True when the word before a candidate marker leaves it free to be a citation.
bool word_allows_citation(std::string_view word) {
    if (word.empty()) return false;
    const char last = word.back();
    const bool word_like = is_letter(last) || last == ')' || last == ']' || last == '%' || last == '"';
    if (!word_like) return false;  // "2 3", "=", "-", "±", ",", ":" ...
    return !is_content_number_word(std::string(word));
}

// True when the sentence end at text[end] ('.', '!', '?') really closes a sentence: the text ends, or
// white space and then something other than a lower-case letter follows.
bool closes_sentence_at(std::string_view text, std::size_t end) {
    std::size_t next = end + 1;
    if (next == text.size()) return true;
    if (!is_space(text[next])) return false;
    while (next < text.size() && is_space(text[next])) ++next;
    return next == text.size() || !is_lower(text[next]);
}

}  // namespace

void add_citation(std::vector<int>& citations, int number) {
    if (std::find(citations.begin(), citations.end(), number) == citations.end()) citations.push_back(number);
}

std::vector<int> take_page_citations(std::string& text) {
    std::vector<int> citations;
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;  // text[copied..] is not yet in out
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (i < 2 || !is_digit(text[i]) || text[i - 1] != ' ') continue;
        std::size_t end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        const std::size_t digits = end - i;
        const bool at_end = trim(std::string_view(text).substr(end)).empty();
        const bool before_stop = end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?') &&
                                 closes_sentence_at(text, end);
        if (digits > 3 || text[i] == '0' || !(at_end || before_stop) ||
            !word_allows_citation(word_before(text, i - 1))) {
            i = end;
            continue;
        }
        add_citation(citations, std::stoi(text.substr(i, digits)));
        out.append(text, copied, i - 1 - copied);  // up to, not including, the space before the marker
        copied = end;
        i = end;
    }
    if (citations.empty()) return citations;
    out.append(text, copied, std::string::npos);
    text = std::move(out);
    return citations;
}

std::vector<int> take_bracket_citations(std::string& text) {
    std::vector<int> citations;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '[') {
            out += text[i++];
            continue;
        }
        // Read "[n]", "[n, m]", "[n-m]" (also with an en dash); anything else is not a citation group.
        std::vector<int> numbers;
        std::size_t j = i + 1;
        bool ok = true;
        int range_start = -1;
        while (ok) {
            while (j < text.size() && text[j] == ' ') ++j;
            std::size_t digits_end = j;
            while (digits_end < text.size() && is_digit(text[digits_end])) ++digits_end;
            if (digits_end == j || digits_end - j > 4) {
                ok = false;
                break;
            }
            const int number = std::stoi(text.substr(j, digits_end - j));
            if (number == 0) {  // references are numbered from 1: "[0]" is no citation
                ok = false;
                break;
            }
            if (range_start >= 0) {
                if (number < range_start || number - range_start > 50) {
                    ok = false;
                    break;
                }
                for (int k = range_start + 1; k <= number; ++k) numbers.push_back(k);
                range_start = -1;
            } else {
                numbers.push_back(number);
            }
            j = digits_end;
            while (j < text.size() && text[j] == ' ') ++j;
            if (j < text.size() && text[j] == ']') break;
            if (j < text.size() && text[j] == ',') {
                ++j;
            } else if (j < text.size() && text[j] == '-') {
                range_start = number;
                ++j;
            } else if (text.compare(j, 3, "\xE2\x80\x93") == 0) {  // en dash
                range_start = number;
                j += 3;
            } else {
                ok = false;
            }
        }
        if (!ok || j >= text.size() || range_start >= 0) {
            out += text[i++];
            continue;
        }
        for (int number : numbers) add_citation(citations, number);
        while (!out.empty() && is_space(out.back())) out.pop_back();
        i = j + 1;  // past ']'
    }
    text = std::move(out);
    return citations;
}

std::vector<int> numeric_marker(std::string_view marker) {
    marker = trim(marker);
    if (marker.size() >= 2 && ((marker.front() == '[' && marker.back() == ']') ||
                               (marker.front() == '(' && marker.back() == ')')))
        marker = trim(marker.substr(1, marker.size() - 2));
    if (marker.empty() || marker.size() > 200) return {};
    std::string group = "[" + std::string(marker) + "]";
    std::vector<int> numbers = take_bracket_citations(group);
    return group.empty() ? numbers : std::vector<int>{};
}

namespace {

bool ends_identifier(char c) { return is_space(c) || c == '"' || c == '<' || c == '>'; }

// Trailing ')' or ']' that have no partner inside the token.
bool closes_nothing(std::string_view token) {
    const char close = token.back();
    const char open = close == ')' ? '(' : '[';
    return std::count(token.begin(), token.end(), open) < std::count(token.begin(), token.end(), close);
}

// The digits after `label` (case-insensitive), skipping ':' and spaces: "PMID: 123" -> "123".
std::string digits_after(std::string_view text, std::string_view label) {
    const std::string lower = ascii_lower(text);
    std::size_t at = lower.find(label);
    while (at != std::string::npos) {
        std::size_t start = at + label.size();
        while (start < text.size() && (text[start] == ' ' || text[start] == ':')) ++start;
        std::size_t end = start;
        while (end < text.size() && is_digit(text[end])) ++end;
        if (end > start) return std::string(text.substr(start, end - start));
        at = lower.find(label, at + 1);
    }
    return {};
}

// The DOI in text: after "doi.org/" (a link), else after "doi" (as "doi:10.…" or "DOI 10.…"), else any
// "10.<digits>/" that stands at the start of a word.
std::string doi_in(std::string_view text) {
    const std::string lower = ascii_lower(text);
    for (std::string_view label : {"doi.org/", "doi"}) {
        for (std::size_t at = lower.find(label); at != std::string::npos; at = lower.find(label, at + 1)) {
            std::size_t start = at + label.size();
            while (start < text.size() && (text[start] == ' ' || text[start] == ':')) ++start;
            if (text.substr(start).starts_with("10.")) return identifier_at(text.substr(start));
        }
    }
    for (std::size_t at = text.find("10."); at != std::string_view::npos; at = text.find("10.", at + 1)) {
        if (at > 0 && !is_space(text[at - 1]) && text[at - 1] != '(' && text[at - 1] != '[') continue;
        std::size_t end = at + 3;
        while (end < text.size() && is_digit(text[end])) ++end;
        if (end > at + 3 && end < text.size() && text[end] == '/') return identifier_at(text.substr(at));
    }
    return {};
}

}  // namespace

std::string identifier_at(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && !ends_identifier(text[end])) ++end;
    std::string_view token = text.substr(0, end);
    while (!token.empty()) {
        const char last = token.back();
        if (last == '.' || last == ',' || last == ';' || last == ':') token.remove_suffix(1);
        else if ((last == ')' || last == ']') && closes_nothing(token)) token.remove_suffix(1);
        else break;
    }
    return std::string(token);
}

void fill_reference_ids(Reference& reference, std::string_view text) {
    if (reference.pmid.empty()) reference.pmid = digits_after(text, "pmid");
    if (reference.doi.empty()) reference.doi = doi_in(text);
    if (reference.url.empty()) {
        std::size_t first = std::string_view::npos;
        for (std::string_view scheme : {"https://", "http://"}) first = std::min(first, text.find(scheme));
        if (first != std::string_view::npos) reference.url = identifier_at(text.substr(first));
    }
}

Reference parse_reference(int number, std::string_view text) {
    Reference reference;
    reference.number = number;
    reference.text = collapse_whitespace(text);
    fill_reference_ids(reference, text);
    return reference;
}

}  // namespace medsearch
