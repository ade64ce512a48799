// How much a synonym dictionary adds to the questions of a topic set: the flood the ranking issue asks to
// measure. It asks SynonymDictionary::find exactly as the query builder does.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "query/synonyms.h"

namespace medsearch {

struct ExpansionFlood {
    std::size_t questions = 0;
    std::size_t questions_expanded = 0;  // with at least one matched concept
    std::size_t matches = 0;             // matched spans over all questions
    std::size_t expansions = 0;          // clauses added (alternatives) over all questions
    std::size_t most_expansions = 0;     // in one question
    std::vector<std::string> examples;   // "question => span -> alternative; ..." for the first expanded ones

    double expansions_per_question() const {
        return questions == 0 ? 0.0 : static_cast<double>(expansions) / static_cast<double>(questions);
    }
};

// `max_expansions` is RankingOptions::max_expansions; `examples` how many expanded questions to describe.
ExpansionFlood measure_expansions(const std::vector<std::string>& questions, const SynonymDictionary& dictionary,
                                  const Analyzer& analyzer, std::size_t max_expansions, std::size_t examples);

}  // namespace medsearch
