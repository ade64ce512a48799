#include "tools/definitional_names.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace medsearch {

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ignoring_ascii_case(text.substr(0, prefix.size()), prefix);
}

// The cue and what follows it, when the text starts with a cue word by word ("also called X" -> "X").
constexpr std::array<std::string_view, 24> kCues = {
    "also called",         "also known as",       "also referred to as", "also termed",       "also named",
    "sometimes called",    "sometimes known as",  "sometimes referred to as", "commonly called", "commonly known as",
    "commonly referred to as", "often called",    "often known as",      "often referred to as", "formerly called",
    "formerly known as",   "formerly named",      "previously called",   "previously known as", "otherwise known as",
    "or simply",           "known as",            "called",              "referred to as",
};

std::optional<std::string_view> after_cue(std::string_view text) {
    text = trim(text);
    for (std::string_view lead : {"which is ", "which are ", "that is "})
        if (starts_with_ignoring_case(text, lead)) {
            text.remove_prefix(lead.size());
            break;
        }
    for (const std::string_view cue : kCues)
        if (starts_with_ignoring_case(text, cue) && text.size() > cue.size() && is_space(text[cue.size()]))
            return trim(text.substr(cue.size()));
    return std::nullopt;
}

// Words that, right after ", ", show that the name is over and the sentence goes on.
bool starts_predicate(std::string_view text) {
    constexpr std::array<std::string_view, 30> verbs = {
        "is",      "are",     "was",     "were",     "has",      "have",     "had",      "can",     "may",     "might",
        "will",    "refers",  "describes", "affects", "causes",  "occurs",   "results",  "involves", "consists", "includes",
        "usually", "often",   "typically", "mainly", "primarily", "mostly",  "develops", "begins",  "appears", "represents"};
    for (const std::string_view verb : verbs)
        if (starts_with_ignoring_case(text, verb) && (text.size() == verb.size() || !is_alnum(text[verb.size()]))) return true;
    return false;
}

// The text up to the first of the characters, or all of it.
std::string_view up_to(std::string_view text, std::string_view stops) { return text.substr(0, std::min(text.find_first_of(stops), text.size())); }

// The name span of "S, <cue> N, <verb> ...": up to ", <verb>" when there is one, else the first ','.
std::string_view span_before_predicate(std::string_view text) {
    for (std::size_t comma = text.find(','); comma != std::string_view::npos; comma = text.find(',', comma + 1))
        if (starts_predicate(trim(text.substr(comma + 1)))) return text.substr(0, comma);
    return text;
}

std::string without_quotes(std::string_view text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') continue;
        if (text.substr(i).starts_with("\u201C") || text.substr(i).starts_with("\u201D")) {
            i += 2;
            continue;
        }
        plain += text[i];
    }
    return plain;
}

// A name as written in a list item: articles, quotes and trailing punctuation dropped; empty when it
// reads as a description rather than a name.
std::string clean_name(std::string_view item) {
    item = trim(item);
    for (std::string_view article : {"a ", "an ", "the "})
        if (starts_with_ignoring_case(item, article)) item = trim(item.substr(article.size()));
    while (!item.empty() && std::string_view(".,;:'").find(item.back()) != std::string_view::npos) item = trim(item.substr(0, item.size() - 1));
    while (!item.empty() && item.front() == '\'') item.remove_prefix(1);
    if (item.empty() || count_words(item) > 6 || !std::any_of(item.begin(), item.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }))
        return {};
    constexpr std::array<std::string_view, 16> descriptive = {"type ", "types ", "form ", "forms ", "one ", "this ", "these ", "that ",
                                                              "it ", "its ", "their ", "some ", "other ", "such ", "see ", "e.g."};
    for (const std::string_view start : descriptive)
        if (starts_with_ignoring_case(item, start)) return {};
    for (std::string_view word : {"type", "form", "this", "it"})
        if (item.size() == word.size() && starts_with_ignoring_case(item, word)) return {};
    // "the infantile type", "the severe form": a kind of the subject, not another name of it.
    for (std::string_view tail : {" type", " form", " forms", " types"})
        if (item.size() > tail.size() && starts_with_ignoring_case(item.substr(item.size() - tail.size()), tail)) return {};
    return std::string(item);
}

// "A, B, or C" -> A, B, C; "A or B" -> A, B; "A, the technical term" -> A (a comma without an "or"/"and"
// before the last item is an apposition, not a list).
void add_list(std::string_view span, std::vector<std::string>& names) {
    const std::string plain = without_quotes(span);
    std::string_view text = trim(plain);
    const bool enumerated = text.find(", or ") != std::string_view::npos || text.find(", and ") != std::string_view::npos;
    if (!enumerated) text = up_to(text, ",");
    std::vector<std::string_view> items;
    while (!text.empty()) {
        std::size_t cut = std::string_view::npos, skip = 0;
        for (std::string_view separator : {", or ", ", and ", " or ", ", "}) {
            const std::size_t at = text.find(separator);
            if (at != std::string_view::npos && (at < cut || (at == cut && separator.size() > skip))) {
                cut = at;
                skip = separator.size();
            }
        }
        items.push_back(text.substr(0, cut));
        if (cut == std::string_view::npos) break;
        text = text.substr(cut + skip);
    }
    for (const std::string_view item : items)
        if (std::string name = clean_name(item); !name.empty()) names.push_back(std::move(name));
}

// The index of the ')' closing the '(' at the front, or npos.
std::size_t closing_bracket(std::string_view text) {
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

void names_after_subject(std::string_view rest, std::vector<std::string>& names, int depth) {
    const std::string_view text = trim(rest);
    if (text.empty() || depth > 1) return;
    if (text.front() == '(') {
        const std::size_t close = closing_bracket(text);
        if (close == std::string_view::npos) return;
        const std::string_view inside = trim(text.substr(1, close - 1));
        const std::string_view after = text.substr(close + 1);
        if (const auto listed = after_cue(inside)) {
            add_list(*listed, names);
        } else {
            // "S (N) is ...", "S (N, formerly known as M) is ...", "S (N), also known as M, is ...".
            const std::string_view first = up_to(inside, ",;");
            const std::string_view continuation = trim(after);
            if (starts_predicate(continuation) || continuation.starts_with(","))
                if (std::string name = clean_name(first); !name.empty()) names.push_back(std::move(name));
            if (first.size() < inside.size())
                if (const auto trailing = after_cue(inside.substr(first.size() + 1))) add_list(*trailing, names);
        }
        names_after_subject(after, names, depth + 1);
        return;
    }
    for (std::string_view dash : {"--", "\u2014", "\u2013", "- "})
        if (text.starts_with(dash)) {
            if (const auto listed = after_cue(text.substr(dash.size()))) {
                std::string_view span = *listed;
                for (std::string_view close : {"--", "\u2014", "\u2013", " - "}) span = span.substr(0, std::min(span.find(close), span.size()));
                add_list(up_to(span, ".;()"), names);
            }
            return;
        }
    if (text.front() == ',') {
        const std::string_view after = trim(text.substr(1));
        if (const auto listed = after_cue(after)) {
            add_list(span_before_predicate(up_to(*listed, ".;()")), names);
        } else if (starts_with_ignoring_case(after, "or ")) {
            // "S, or N, is ...": only with the predicate right after the name.
            const std::string_view span = up_to(after.substr(3), ".;()");
            const std::size_t comma = span.find(',');
            if (comma != std::string_view::npos && starts_predicate(trim(span.substr(comma + 1))))
                if (std::string name = clean_name(span.substr(0, comma)); !name.empty()) names.push_back(std::move(name));
        }
        return;
    }
    for (std::string_view verb : {"is ", "are "})
        if (starts_with_ignoring_case(text, verb)) {
            if (const auto listed = after_cue(text.substr(verb.size()))) add_list(up_to(*listed, ".;()"), names);
            return;
        }
}

}  // namespace

std::vector<std::string> names_defined_for(std::string_view sentence, const std::vector<std::string>& subjects) {
    std::vector<std::string> names;
    std::string_view text = trim(sentence);
    if (starts_with_ignoring_case(text, "the ")) {
        const std::string_view without_article = text.substr(4);
        const bool subject_has_article = std::any_of(subjects.begin(), subjects.end(), [](const std::string& s) {
            return starts_with_ignoring_case(s, "the ");
        });
        if (!subject_has_article) text = without_article;
    }
    // The longest subject the sentence opens with, ending at a word boundary.
    const std::string* subject = nullptr;
    for (const std::string& candidate : subjects)
        if (!candidate.empty() && starts_with_ignoring_case(text, candidate) &&
            (text.size() == candidate.size() || !is_alnum(text[candidate.size()])) &&
            (subject == nullptr || candidate.size() > subject->size()))
            subject = &candidate;
    if (subject == nullptr) return names;
    names_after_subject(text.substr(subject->size()), names, 0);
    return names;
}

}  // namespace medsearch
