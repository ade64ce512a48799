#include "tools/focus_sets.h"

#include <algorithm>
#include <cctype>

#include "readers/passage_splitter.h"
#include "readers/text.h"
#include "tools/definitional_names.h"
#include "tools/schwartz_hearst.h"

namespace medsearch {

namespace {

std::vector<std::string_view> split_on(std::string_view text, std::string_view separator) {
    std::vector<std::string_view> parts;
    for (std::size_t at = text.find(separator); at != std::string_view::npos; at = text.find(separator)) {
        parts.push_back(trim(text.substr(0, at)));
        text.remove_prefix(at + separator.size());
    }
    parts.push_back(trim(text));
    return parts;
}

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

bool is_abbreviation_like(std::string_view token) {
    if (token.empty() || token.find(' ') != std::string_view::npos) return false;
    std::size_t upper = 0, lower_run = 0, longest_lower_run = 0;
    for (const char c : token) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isupper(byte)) ++upper;
        lower_run = std::islower(byte) ? lower_run + 1 : 0;
        longest_lower_run = std::max(longest_lower_run, lower_run);
    }
    return upper >= 1 && longest_lower_run < 3;
}

namespace {

// A word that qualifies a noun: the endings of English adjectives, and the compounds headings use.
bool reads_as_adjective(std::string_view word) {
    const std::string lowered = ascii_lower(word);
    constexpr std::string_view endings[] = {"al", "ic", "ous", "ive", "ed", "ary", "ar", "ile", "ant", "ent", "oid",
                                            "linked", "related", "onset", "type"};
    return std::any_of(std::begin(endings), std::end(endings), [&](std::string_view ending) { return lowered.ends_with(ending); });
}

bool is_qualifier(std::string_view part) {
    const std::size_t words = count_words(part);
    if (words == 0 || words > 2 || has_digit(part)) return false;
    const std::size_t last_space = part.rfind(' ');
    return reads_as_adjective(last_space == std::string_view::npos ? part : part.substr(last_space + 1));
}

std::string reading_order(std::string_view name) {
    const std::vector<std::string_view> parts = split_on(name, ", ");
    if (parts.size() < 2 || count_words(parts.front()) > 4 || parts.front().find(',') != std::string_view::npos)
        return std::string(name);
    if (!std::all_of(parts.begin() + 1, parts.end(), is_qualifier)) return std::string(name);
    std::string ordered;
    for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
        if (!ordered.empty()) ordered += ' ';
        ordered += *part;
    }
    return ordered;
}

bool contains_ignoring_case(const std::vector<FocusName>& names, std::string_view text) {
    const std::string lowered = ascii_lower(text);
    return std::any_of(names.begin(), names.end(), [&](const FocusName& name) { return ascii_lower(name.text) == lowered; });
}

void add_name(FocusSet& set, std::string text, NameOrigin origin) {
    if (!text.empty() && !contains_ignoring_case(set.names, text)) set.names.push_back({std::move(text), origin});
}

// One name with a trailing bracket: "Wiedemann-Beckwith syndrome (WBS)" is the name and the abbreviation
// when the bracket abbreviates the name (Schwartz & Hearst's match); "Eosinophilic granuloma (formerly)"
// is the name without the note; any other bracket stays part of the name.
void add_bracketed(std::string_view name, std::vector<std::string>& names) {
    if (name.ends_with(")")) {
        const std::size_t open = name.rfind(" (");
        if (open != std::string_view::npos) {
            const std::string_view before = trim(name.substr(0, open));
            const std::string_view inside = trim(name.substr(open + 2, name.size() - open - 3));
            const std::string note = ascii_lower(inside);
            if (note == "formerly" || note == "obsolete" || note == "disorder" || note == "disease" || note == "finding") {
                names.push_back(reading_order(before));
                return;
            }
            if (is_short_form_candidate(inside) && match_long_form(inside, before)) {
                names.push_back(reading_order(before));
                names.emplace_back(inside);
                return;
            }
        }
    }
    names.push_back(reading_order(name));
}

}  // namespace

std::vector<std::string> names_in_element(std::string_view element) {
    const std::string collapsed = collapse_whitespace(element);
    std::vector<std::string> names;
    std::vector<std::string_view> parts = split_on(collapsed, ";");
    if (parts.size() > 1 && std::all_of(parts.begin() + 1, parts.end(), is_abbreviation_like)) {
        for (const std::string_view part : parts)
            if (!part.empty()) add_bracketed(part, names);
    } else if (!collapsed.empty()) {
        add_bracketed(collapsed, names);
    }
    return names;
}

FocusSet collect_focus_set(const Article& article) {
    FocusSet set;
    set.article = article.id;
    for (std::string& name : names_in_element(article.title)) add_name(set, std::move(name), NameOrigin::focus);
    if (set.names.empty()) return set;
    for (const std::string& element : article.synonyms)
        for (std::string& name : names_in_element(element)) add_name(set, std::move(name), NameOrigin::listed);

    std::vector<std::string> subjects;
    for (const FocusName& name : set.names) subjects.push_back(name.text);
    std::vector<std::string> information_subjects = subjects;
    for (const char* phrase : {"This condition", "This disorder", "This disease", "This syndrome"}) information_subjects.emplace_back(phrase);
    for (const Passage& passage : article.passages) {
        const std::vector<std::string>& openers = passage.section == "information" ? information_subjects : subjects;
        for (const std::string& sentence : split_sentences(passage.text))
            for (std::string& name : names_defined_for(sentence, openers)) add_name(set, std::move(name), NameOrigin::defined);
    }
    return set;
}

}  // namespace medsearch
