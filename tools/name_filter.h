// Which focus names may go into a synonym set. A name is left out when the query side could not use it
// safely: nothing searchable, too long to be typed, question words only, a word so common in the corpus
// that expanding it floods, or an abbreviation that is ambiguous (see judge_short_form) or, for a short
// one listed without definition, not confirmed by the abbreviation definitions the corpus writes.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "tools/definition_table.h"
#include "tools/short_forms.h"
#include "tools/expression_keys.h"
#include "tools/focus_sets.h"

namespace medsearch {

struct NameFilterOptions {
    std::size_t max_concepts = 6;            // longer names are descriptions, not what people type
    double generic_document_share = 0.02;    // a one-word name in more of the corpus's documents is generic
    std::size_t confirmed_abbreviation_length = 3;  // listed abbreviations this short need a definition
};

enum class NameVerdict {
    keep,
    unsearchable,        // no searchable word
    too_long,
    question_words,
    generic,
    unsafe_abbreviation,    // judge_short_form said no
    unconfirmed_abbreviation,  // short, listed, and the corpus never defines it as a name of this set
    contradicted_abbreviation,  // the corpus defines it, dominantly, as something not in this set
};

struct NameContext {
    const ExpressionKeys& keys;
    const CorpusUsage& usage;
    const DefinitionTable& definitions;  // abbreviation definitions
    const std::map<std::string, std::set<std::string>>& chosen_long_forms;  // short-form key -> its long-form keys
    NameFilterOptions options;
};

// The verdict for one name of a set; `set_keys` are the keys of every name of the set.
NameVerdict judge_name(const FocusName& name, const std::string& key, const std::set<std::string>& set_keys,
                       const NameContext& context);

const char* describe(NameVerdict verdict);

}  // namespace medsearch
