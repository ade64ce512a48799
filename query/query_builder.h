// Question -> Xapian query. Every concept is searched in each field (body, title, heading, section) under
// the field's weight; question words count for little; synonyms join as a weaker clause (or stand in
// fully for a name the index never uses); content words
// standing close together earn a proximity bonus. Filters are not added here (see query/filters.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/question.h"
#include "query/ranking_options.h"
#include "query/synonyms.h"

namespace medsearch {

// What the context or the synonyms added to a question, for --explain.
struct Expansion {
    std::string reason;               // "synonym of leukopenia", "earlier turn", "feedback"
    std::string expression;           // the words added
    double weight = 0.0;
};

struct BuiltQuery {
    Xapian::Query query;                      // the scoring query; empty when nothing is searchable
    // Evidence matched by article documents only: sub-word (the content words' character n-grams) and
    // word pairs (neighbouring content words as one term). Grams match nearly every article, so it is
    // scored over the top candidates the scoring query ranked (Engine::score_documents) rather than
    // searched: the same scores at a fraction of the cost.
    Xapian::Query evidence;
    // What the question's syntax demands of every match, whatever else is added to the query later (context,
    // feedback, article evidence): the quoted phrases, all of them (empty: none), and the excluded words and
    // phrases, any of them (empty: none). `query` already obeys them.
    Xapian::Query required;
    Xapian::Query excluded;
    std::vector<std::string> highlight_terms; // body terms (and joined compounds) a passage may highlight
    std::vector<std::string> synonym_terms;   // body terms of the synonyms added for the question's words
    std::vector<Expansion> expansions;
};

class QueryBuilder {
public:
    // `index` (may be null) tells which words the passages use at all: a synonym stands in fully for a
    // name the index never uses.
    QueryBuilder(const RankingOptions& ranking, const SynonymDictionary* synonyms, const Xapian::Database* index = nullptr)
        : ranking_(ranking), synonyms_(synonyms), index_(index) {}

    BuiltQuery build(const Question& question) const;

    // One concept searched in every field under the field weights (also used by context handling).
    Xapian::Query concept_query(const Concept& concept_) const;
    // A multi-concept expression ("low white blood cell count") as a phrase in every field.
    Xapian::Query expression_query(const std::vector<Concept>& expression) const;
    // The expression as a phrase in the title field only.
    Xapian::Query title_query(const std::vector<Concept>& expression) const;
    // Names of one thing (the question's words and their synonyms), weighed together as one term per field.
    Xapian::Query synonym_group_query(const std::vector<const std::vector<Concept>*>& names) const;

private:
    // True when some word of the expression occurs in no passage (its phrase cannot match).
    bool unknown_to_index(const std::vector<Concept>& expression) const;

    const RankingOptions& ranking_;
    const SynonymDictionary* synonyms_;
    const Xapian::Database* index_;
};

// The scoring query restricted as the question's syntax demands (BuiltQuery::required and ::excluded).
Xapian::Query constrained(const Xapian::Query& scoring, const BuiltQuery& built);

// The weighting scheme for the ranking options: BM25 (or BM25+) with the given parameters (the passages' or the
// articles'), or the experimental scheme chosen.
std::unique_ptr<Xapian::Weight> make_weight(const RankingOptions& ranking, const Bm25Parameters& bm25);

}  // namespace medsearch
