#include "tools/name_filter.h"

#include <algorithm>
#include <cctype>

namespace medsearch {

NameVerdict judge_name(const FocusName& name, const std::string& key, const std::set<std::string>& set_keys,
                       const NameContext& context) {
    bool only_question_words = false;
    context.keys.key(name.text, &only_question_words);
    if (key.empty()) return NameVerdict::unsearchable;
    if (only_question_words) return NameVerdict::question_words;
    const std::size_t length = ExpressionKeys::length(key);
    if (length > context.options.max_concepts) return NameVerdict::too_long;
    if (length == 1 && static_cast<double>(context.usage.document_frequency(key)) >=
                           context.options.generic_document_share * static_cast<double>(context.usage.documents()))
        return NameVerdict::generic;
    if (!is_abbreviation_like(name.text)) return NameVerdict::keep;

    const std::vector<TextUnit> units = context.keys.units(name.text);
    const std::size_t lower_case = units.size() == 1 ? context.usage.lower_case_documents(units.front().word) : 0;
    if (judge_short_form(name.text, units, lower_case) != ShortFormVerdict::safe) return NameVerdict::unsafe_abbreviation;
    if (const auto chosen = context.chosen_long_forms.find(key);
        chosen != context.chosen_long_forms.end() &&
        std::none_of(chosen->second.begin(), chosen->second.end(), [&](const std::string& long_key) { return set_keys.contains(long_key); }))
        return NameVerdict::contradicted_abbreviation;
    const std::size_t characters = static_cast<std::size_t>(
        std::count_if(name.text.begin(), name.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
    if (name.origin == NameOrigin::listed && characters <= context.options.confirmed_abbreviation_length) {
        const std::map<std::string, std::size_t> long_forms = context.definitions.definitions_of(key);
        const bool confirmed = std::any_of(long_forms.begin(), long_forms.end(),
                                           [&](const auto& long_form) { return set_keys.contains(long_form.first); });
        if (!confirmed) return NameVerdict::unconfirmed_abbreviation;
    }
    return NameVerdict::keep;
}

const char* describe(NameVerdict verdict) {
    switch (verdict) {
        case NameVerdict::keep: return "kept";
        case NameVerdict::unsearchable: return "nothing searchable";
        case NameVerdict::too_long: return "more than max_concepts words";
        case NameVerdict::question_words: return "question words only";
        case NameVerdict::generic: return "generic one-word name";
        case NameVerdict::unsafe_abbreviation: return "unsafe abbreviation";
        case NameVerdict::unconfirmed_abbreviation: return "short listed abbreviation never defined so";
        case NameVerdict::contradicted_abbreviation: return "abbreviation the corpus defines otherwise";
    }
    return "?";
}

}  // namespace medsearch
