#include "tools/definition_table.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace medsearch {

namespace {

// The spelling seen most often; the smallest string among equals, so the output does not depend on order.
std::string most_seen(const std::map<std::string, std::size_t>& spellings) {
    const auto best = std::max_element(spellings.begin(), spellings.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == spellings.end() ? std::string() : best->first;
}

std::string_view strip_quotes(std::string_view text) {
    constexpr std::string_view quotes = "\"'";
    while (!text.empty() && quotes.find(text.front()) != std::string_view::npos) text.remove_prefix(1);
    while (!text.empty() && (quotes.find(text.back()) != std::string_view::npos || text.back() == ',' || text.back() == '.'))
        text.remove_suffix(1);
    return text;
}

// Letters and digits in lower case: what spellings of one long form share ("Cognitive-behavioral therapy",
// "cognitive behavioral therapy").
std::string letters_of(std::string_view text) {
    std::string letters;
    for (const char c : text)
        if (std::isalnum(static_cast<unsigned char>(c))) letters += ascii_lower(c);
    return letters;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

bool are_spelling_variants(std::string_view a, std::string_view b, double max_share) {
    const std::string letters_a = letters_of(a), letters_b = letters_of(b);
    const std::size_t longer = std::max(letters_a.size(), letters_b.size());
    if (longer == 0) return false;
    return static_cast<double>(edit_distance(letters_a, letters_b)) <= max_share * static_cast<double>(longer);
}

void DefinitionTable::add(std::string_view name, std::string_view definition, std::string_view sentence) {
    definition = strip_quotes(definition);
    const std::string name_key = keys_.key(name);
    const std::string definition_key = keys_.key(definition);
    if (name_key.empty() || definition_key.empty() || name_key == definition_key) return;
    if (!seen_.emplace(name_key, definition_key, std::hash<std::string_view>{}(sentence)).second) return;
    Name& entry = names_[name_key];
    ++entry.spellings[std::string(name)];
    Definition& defined = entry.definitions[definition_key];
    ++defined.sightings;
    ++defined.spellings[std::string(definition)];
}

std::map<std::string, std::size_t> DefinitionTable::definitions_of(const std::string& name_key) const {
    std::map<std::string, std::size_t> sightings;
    if (const auto found = names_.find(name_key); found != names_.end())
        for (const auto& [key, definition] : found->second.definitions) sightings[key] = definition.sightings;
    return sightings;
}

DominantChoice DefinitionTable::dominant(std::size_t min_sightings, double dominance) const {
    DominantChoice choice;
    for (const auto& [name_key, entry] : names_) {
        ++choice.names;
        std::size_t total = 0;
        const Definition* best = nullptr;
        for (const auto& [key, definition] : entry.definitions) {
            total += definition.sightings;
            if (best == nullptr || definition.sightings > best->sightings) best = &definition;
        }
        // The best definition's spelling variants count with it; they are one meaning.
        const std::string best_spelling = best == nullptr ? std::string() : most_seen(best->spellings);
        std::vector<std::pair<std::size_t, std::string>> variants;  // sightings, spelling
        std::size_t meaning = 0;
        for (const auto& [key, definition] : entry.definitions) {
            const std::string spelling = most_seen(definition.spellings);
            if (&definition != best && !are_spelling_variants(spelling, best_spelling, kVariantShare)) continue;
            meaning += definition.sightings;
            if (&definition != best) variants.emplace_back(definition.sightings, spelling);
        }
        if (best == nullptr || meaning < min_sightings) {
            ++choice.too_rare;
            if (best != nullptr) choice.rare_examples.push_back(most_seen(entry.spellings) + ": " + best_spelling);
            continue;
        }
        if (static_cast<double>(meaning) < dominance * static_cast<double>(total)) {
            ++choice.ambiguous;
            std::string example = most_seen(entry.spellings) + ":";
            for (const auto& [key, definition] : entry.definitions)
                example.append(" ").append(most_seen(definition.spellings)).append(" ").append(std::to_string(definition.sightings)).append(" /");
            example.pop_back();
            choice.ambiguous_examples.push_back(std::move(example));
            continue;
        }
        std::sort(variants.begin(), variants.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        ChosenDefinition chosen{most_seen(entry.spellings), best_spelling, meaning, total, {}};
        for (auto& variant : variants) chosen.variants.push_back(std::move(variant.second));
        choice.kept.push_back(std::move(chosen));
    }
    std::sort(choice.kept.begin(), choice.kept.end(), [](const ChosenDefinition& a, const ChosenDefinition& b) {
        return std::tie(a.name, a.definition) < std::tie(b.name, b.definition);
    });
    return choice;
}

std::vector<std::vector<ChosenDefinition>> DefinitionTable::frequent(std::size_t min_sightings, std::size_t most) const {
    std::vector<std::vector<ChosenDefinition>> chosen;
    for (const auto& [name_key, entry] : names_) {
        std::size_t total = 0;
        for (const auto& [key, definition] : entry.definitions) total += definition.sightings;
        std::vector<ChosenDefinition> kept;
        for (const auto& [key, definition] : entry.definitions)
            if (definition.sightings >= min_sightings)
                kept.push_back({most_seen(entry.spellings), most_seen(definition.spellings), definition.sightings, total, {}});
        std::sort(kept.begin(), kept.end(), [](const ChosenDefinition& a, const ChosenDefinition& b) {
            return a.sightings != b.sightings ? a.sightings > b.sightings : a.definition < b.definition;
        });
        if (kept.size() > most) kept.resize(most);
        if (!kept.empty()) chosen.push_back(std::move(kept));
    }
    std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.front().name < b.front().name; });
    return chosen;
}

}  // namespace medsearch
