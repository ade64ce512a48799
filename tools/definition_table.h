// Definitions counted over a corpus: pairs of a defined name (an abbreviation's short form, a medical
// term) and what defines it (the long form, a plain-language gloss), each counted once per distinct
// sentence so that a sentence repeated across pages is one piece of evidence, not many. Names and
// definitions are grouped by their expression keys, so spellings that search alike count together.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "tools/expression_keys.h"

namespace medsearch {

struct ChosenDefinition {
    std::string name;        // the spelling seen most often
    std::string definition;  // likewise
    std::size_t sightings = 0;  // of this definition (with its spelling variants, for dominant())
    std::size_t total = 0;      // of every definition of the name
    std::vector<std::string> variants;  // other spellings of the same definition, most seen first
};

// Two spellings of one definition: their lower-case letters and digits differ by at most `max_share` of
// the longer one's in edit distance ("computed tomography" / "computerized tomography",
// "apnea-hypopnea index" / "apnoea-hypopnoea index").
bool are_spelling_variants(std::string_view a, std::string_view b, double max_share);

struct DominantChoice {
    std::vector<ChosenDefinition> kept;  // sorted by name, then definition
    std::size_t names = 0;               // distinct name keys seen
    std::size_t too_rare = 0;            // best definition seen fewer than min_sightings times
    std::size_t ambiguous = 0;           // no definition with the dominant share
    std::vector<std::string> ambiguous_examples;  // "AD: alzheimer disease 12 / atopic dermatitis 7"
    std::vector<std::string> rare_examples;       // "MI: myocardial infarction"
};

class DefinitionTable {
public:
    explicit DefinitionTable(const ExpressionKeys& keys) : keys_(keys) {}

    // Counts the pair once per distinct sentence. Quotes around the definition are dropped.
    void add(std::string_view name, std::string_view definition, std::string_view sentence);

    // For each name, its definition seen most often, with its spelling variants, when together they were
    // seen at least `min_sightings` times and hold at least `dominance` of the name's sightings
    // (abbreviations: one meaning or none).
    DominantChoice dominant(std::size_t min_sightings, double dominance) const;

    // For each name, every definition seen at least `min_sightings` times, most seen first (ties by
    // spelling), at most `most` of them (glosses: a term may have several).
    std::vector<std::vector<ChosenDefinition>> frequent(std::size_t min_sightings, std::size_t most) const;

    // Definition keys seen for a name key, with their sightings (empty when never seen).
    std::map<std::string, std::size_t> definitions_of(const std::string& name_key) const;

    // The edit-distance share under which two definitions are spellings of one (see are_spelling_variants).
    static constexpr double kVariantShare = 0.25;

private:
    struct Definition {
        std::size_t sightings = 0;
        std::map<std::string, std::size_t> spellings;
    };
    struct Name {
        std::map<std::string, std::size_t> spellings;
        std::map<std::string, Definition> definitions;  // by key
    };
    const ExpressionKeys& keys_;
    std::map<std::string, Name> names_;  // by key
    std::set<std::tuple<std::string, std::string, std::size_t>> seen_;  // name key, definition key, sentence hash
};

}  // namespace medsearch
