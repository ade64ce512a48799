#include "query/query_builder.h"

#include <algorithm>

#include "analysis/word_pairs.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

using Op = Xapian::Query;

Xapian::Query scaled(double factor, const Xapian::Query& query) {
    if (factor <= 0.0) return Xapian::Query();  // a field weighted zero is not searched at all
    if (factor == 1.0 || query.empty()) return query;
    return Xapian::Query(Op::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query any_of(std::vector<Xapian::Query> queries) {
    std::erase_if(queries, [](const Xapian::Query& query) { return query.empty(); });
    if (queries.empty()) return Xapian::Query();
    if (queries.size() == 1) return queries.front();
    return Xapian::Query(Op::OP_OR, queries.begin(), queries.end());
}

// Terms standing together in one field: a phrase over the prefixed terms, over at most `window` positions.
Xapian::Query phrase(const std::vector<std::string>& terms, std::string_view prefix, Xapian::termcount window) {
    std::vector<Xapian::Query> leaves;
    for (const std::string& term : terms) leaves.emplace_back(std::string(prefix) + term);
    if (leaves.size() == 1) return leaves.front();
    return Xapian::Query(Op::OP_PHRASE, leaves.begin(), leaves.end(), window);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The terms with each cut where letters meet digits ("alpha1" -> "alpha" "1"), as the analyzer cuts a
// written "alpha-1"; the same terms when none has such a boundary.
std::vector<std::string> split_letters_from_digits(const std::vector<std::string>& terms) {
    std::vector<std::string> split;
    for (const std::string& term : terms) {
        std::size_t start = 0;
        for (std::size_t i = 1; i < term.size(); ++i)
            if (is_digit(term[i]) != is_digit(term[i - 1]) && std::isalpha(static_cast<unsigned char>(term[is_digit(term[i]) ? i - 1 : i]))) {
                split.push_back(term.substr(start, i - start));
                start = i;
            }
        split.push_back(term.substr(start));
    }
    return split;
}

// A concept in one field: a word, a phrase, a prefix's terms, or a compound matched whole ("gcsf"), in parts
// ("g csf"), or with its letters and digits apart ("alpha1-antitrypsin" as "alpha-1 antitrypsin").
Xapian::Query concept_in_field(const Concept& concept_, std::string_view prefix) {
    if (!concept_.prefix.empty()) {
        std::vector<Xapian::Query> terms;
        for (const std::string& term : concept_.expansions) terms.emplace_back(std::string(prefix) + term);
        return terms.empty() ? Xapian::Query() : Xapian::Query(Op::OP_SYNONYM, terms.begin(), terms.end());
    }
    const auto window = static_cast<Xapian::termcount>(concept_.terms.size());
    if (concept_.joined.empty()) return phrase(concept_.terms, prefix, window);
    const Xapian::Query whole(std::string(prefix) + concept_.joined);
    if (concept_.terms.empty()) return whole;
    std::vector<Xapian::Query> forms{whole, phrase(concept_.terms, prefix, window)};
    const std::vector<std::string> split = split_letters_from_digits(concept_.terms);
    if (split.size() != concept_.terms.size()) forms.push_back(phrase(split, prefix, static_cast<Xapian::termcount>(split.size())));
    return Xapian::Query(Op::OP_SYNONYM, forms.begin(), forms.end());
}

// A word's derivational variants in one field, as one term.
Xapian::Query variants_in_field(const Concept& concept_, std::string_view prefix) {
    std::vector<Xapian::Query> forms;
    for (const std::string& variant : concept_.variants) forms.emplace_back(std::string(prefix) + variant);
    return Xapian::Query(Op::OP_SYNONYM, forms.begin(), forms.end());
}

// All the terms of an expression in order, compounds by their parts, and the span they may cover.
std::vector<std::string> flatten_terms(const std::vector<Concept>& expression, Xapian::termcount& span) {
    std::vector<std::string> terms;
    for (const Concept& concept_ : expression) {
        if (concept_.terms.empty()) terms.push_back(concept_.joined);
        terms.insert(terms.end(), concept_.terms.begin(), concept_.terms.end());
    }
    const Concept& last = expression.back();
    span = static_cast<Xapian::termcount>(last.position + std::max<std::size_t>(1, last.terms.size()) -
                                          expression.front().position);
    span = std::max<Xapian::termcount>(span, static_cast<Xapian::termcount>(terms.size()));
    return terms;
}

// An expression in one field: a single concept as such, several as a phrase over their span.
Xapian::Query expression_in_field(const std::vector<Concept>& expression, std::string_view prefix) {
    if (expression.size() == 1) return concept_in_field(expression.front(), prefix);
    Xapian::termcount span = 0;
    const std::vector<std::string> terms = flatten_terms(expression, span);
    return phrase(terms, prefix, span);
}

// The same query in each weighted field (body, title, heading, section, lead-in, MeSH), any of them matching.
template <typename PerField>
Xapian::Query in_every_field(const FieldWeights& w, PerField per_field) {
    return any_of({scaled(w.body, per_field(schema::body)), scaled(w.title, per_field(schema::title)),
                   scaled(w.heading, per_field(schema::heading)), scaled(w.section, per_field(schema::section)),
                   scaled(w.lead_in, per_field(schema::lead_in)), scaled(w.mesh, per_field(schema::mesh_words))});
}

std::string describe(const std::vector<Concept>& expression) {
    std::string text;
    for (const Concept& concept_ : expression)
        for (const std::string& word : concept_.words) text += (text.empty() ? "" : " ") + word;
    return text;
}

}  // namespace

std::unique_ptr<Xapian::Weight> make_weight(const RankingOptions& ranking, const Bm25Parameters& bm25) {
    switch (ranking.experimental.scheme) {
        case WeightingScheme::bm25_plus:
            return std::make_unique<Xapian::BM25PlusWeight>(bm25.k1, 0, 1, bm25.b, bm25.min_normlen, 1.0);
        case WeightingScheme::pl2: return std::make_unique<Xapian::PL2Weight>(1.0);
        case WeightingScheme::dph: return std::make_unique<Xapian::DPHWeight>();
        case WeightingScheme::language_model: return std::make_unique<Xapian::LMWeight>();
        case WeightingScheme::inl2: return std::make_unique<Xapian::InL2Weight>(1.0);
        case WeightingScheme::bm25: break;
    }
    return std::make_unique<Xapian::BM25Weight>(bm25.k1, 0, 1, bm25.b, bm25.min_normlen);
}

Xapian::Query constrained(const Xapian::Query& scoring, const BuiltQuery& built) {
    if (scoring.empty()) return scoring;
    Xapian::Query result = scoring;
    if (!built.required.empty()) result = Xapian::Query(Op::OP_FILTER, result, built.required);
    if (!built.excluded.empty()) result = Xapian::Query(Op::OP_AND_NOT, result, built.excluded);
    return result;
}

Xapian::Query QueryBuilder::concept_query(const Concept& concept_) const {
    return in_every_field(ranking_.fields, [&](std::string_view prefix) { return concept_in_field(concept_, prefix); });
}

Xapian::Query QueryBuilder::expression_query(const std::vector<Concept>& expression) const {
    return in_every_field(ranking_.fields, [&](std::string_view prefix) { return expression_in_field(expression, prefix); });
}

Xapian::Query QueryBuilder::title_query(const std::vector<Concept>& expression) const {
    return expression_in_field(expression, schema::title);
}

Xapian::Query QueryBuilder::synonym_group_query(const std::vector<const std::vector<Concept>*>& names) const {
    // Per field, every name in one OP_SYNONYM: Xapian weighs the group as one term of their combined
    // frequency, so a rare alternative ("MI") cannot outweigh the common name the question used.
    auto group_in_field = [&](std::string_view prefix) {
        std::vector<Xapian::Query> alternatives;
        for (const std::vector<Concept>* name : names) alternatives.push_back(expression_in_field(*name, prefix));
        return Xapian::Query(Op::OP_SYNONYM, alternatives.begin(), alternatives.end());
    };
    return in_every_field(ranking_.fields, group_in_field);
}

bool QueryBuilder::unknown_to_index(const std::vector<Concept>& expression) const {
    if (index_ == nullptr) return false;
    Xapian::termcount span = 0;
    const std::vector<std::string> terms = flatten_terms(expression, span);
    return std::any_of(terms.begin(), terms.end(), [&](const std::string& term) { return index_->get_termfreq(term) == 0; });
}

BuiltQuery QueryBuilder::build(const Question& question) const {
    BuiltQuery built;
    std::vector<Xapian::Query> clauses, excluded, evidence;

    // Each concept in every field; question words weigh little.
    std::vector<Xapian::Query> required;
    for (const Concept& concept_ : question.concepts) {
        if (concept_.excluded) {
            excluded.push_back(concept_query(concept_));
            continue;
        }
        if (concept_.quoted) required.push_back(concept_query(concept_));
        const bool weak = concept_.frame || concept_.referent;
        const double weight = weak ? ranking_.question_word_weight : 1.0;
        clauses.push_back(scaled(weight, concept_query(concept_)));
        // The word's other stems ("treatment" for "treated") count less than the word as asked: the noun
        // names a heading, the verb is everywhere in body text, so neither stands in fully for the other.
        if (!concept_.variants.empty())
            clauses.push_back(scaled(weight * ranking_.derivation_weight, in_every_field(ranking_.fields, [&](std::string_view prefix) {
                                         return variants_in_field(concept_, prefix);
                                     })));
        // Sub-word evidence: the concept's character n-grams as one clause, any of them matching.
        if (!concept_.grams.empty() && ranking_.ngram_weight > 0) {
            evidence.push_back(scaled(weight * ranking_.ngram_weight, Xapian::Query(Op::OP_OR, concept_.grams.begin(), concept_.grams.end())));
            built.expansions.push_back({"its character 4-grams (sub-word evidence, re-scoring the top articles)",
                                        describe({concept_}), weight * ranking_.ngram_weight});
        }
        if (!concept_.joined.empty()) built.highlight_terms.push_back(concept_.joined);
        built.highlight_terms.insert(built.highlight_terms.end(), concept_.terms.begin(), concept_.terms.end());
        built.highlight_terms.insert(built.highlight_terms.end(), concept_.expansions.begin(), concept_.expansions.end());
        built.highlight_terms.insert(built.highlight_terms.end(), concept_.variants.begin(), concept_.variants.end());
    }

    // Synonyms: the matched words and their other names as one group, a clause of its own.
    if (synonyms_ != nullptr && ranking_.synonym_weight > 0) {
        for (const SynonymMatch& match : synonyms_->find(question.concepts, ranking_.max_expansions)) {
            const std::vector<Concept> matched(question.concepts.begin() + static_cast<std::ptrdiff_t>(match.first),
                                               question.concepts.begin() + static_cast<std::ptrdiff_t>(match.first + match.length));
            std::vector<const std::vector<Concept>*> names{&matched};
            names.insert(names.end(), match.alternatives.begin(), match.alternatives.end());
            // "WBC low" over articles that write "white blood cell": the asked name matches nothing, so a
            // weak synonym clause would leave "low" to decide alone. The other names then weigh as the
            // asked words would.
            const bool stand_in = unknown_to_index(matched);
            const double weight = stand_in ? 1.0 : ranking_.synonym_weight;
            const std::string reason = (stand_in ? "in place of " : "synonym of ") + describe(matched);
            clauses.push_back(scaled(weight, synonym_group_query(names)));
            for (const std::vector<Concept>* alternative : match.alternatives) {
                built.expansions.push_back({reason, describe(*alternative), weight});
                Xapian::termcount span = 0;
                for (const std::string& term : flatten_terms(*alternative, span)) {
                    built.highlight_terms.push_back(term);
                    built.synonym_terms.push_back(term);
                }
            }
        }
    }

    // Proximity: neighbouring content words found close together in the body.
    if (ranking_.experimental.proximity_weight > 0) {
        const Concept* previous = nullptr;
        for (const Concept& concept_ : question.concepts) {
            if (concept_.excluded || concept_.frame || concept_.referent || concept_.terms.size() != 1) continue;
            if (previous != nullptr) {
                const Xapian::Query pair[] = {Xapian::Query(previous->terms.front()), Xapian::Query(concept_.terms.front())};
                clauses.push_back(scaled(ranking_.experimental.proximity_weight,
                                         Xapian::Query(Op::OP_NEAR, std::begin(pair), std::end(pair), ranking_.experimental.proximity_window)));
            }
            previous = &concept_;
        }
    }

    built.query = any_of(clauses);
    built.excluded = any_of(excluded);
    // A quoted phrase of stopwords only ("the") has no query: it demands nothing.
    std::erase_if(required, [](const Xapian::Query& query) { return query.empty(); });
    if (!required.empty()) built.required = Xapian::Query(Op::OP_AND, required.begin(), required.end());
    built.query = constrained(built.query, built);
    // Pairs: neighbouring content words as one term, where the question has them side by side.
    if (ranking_.pair_weight > 0) {
        // The terms, and for --explain the words as asked where each term has one.
        std::vector<PositionedTerm> terms, words;
        for (const Concept& concept_ : question.concepts) {
            if (!is_content(concept_)) continue;
            const bool word_per_term = concept_.words.size() == concept_.terms.size();
            for (std::size_t i = 0; i < concept_.terms.size(); ++i) {
                const auto position = concept_.position + static_cast<std::uint32_t>(i);
                terms.push_back({concept_.terms[i], position});
                words.push_back({word_per_term ? concept_.words[i] : concept_.terms[i], position});
            }
        }
        const std::vector<std::string> pairs = adjacent_pairs(terms), shown = adjacent_pairs(words);
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            evidence.push_back(scaled(ranking_.pair_weight, Xapian::Query(std::string(schema::word_pair) + pairs[i])));
            built.expansions.push_back({"neighbouring words as one pair (phrase evidence, re-scoring the top articles)", shown[i],
                                        ranking_.pair_weight});
        }
    }
    if (!built.query.empty()) built.evidence = any_of(evidence);
    std::sort(built.highlight_terms.begin(), built.highlight_terms.end());
    built.highlight_terms.erase(std::unique(built.highlight_terms.begin(), built.highlight_terms.end()), built.highlight_terms.end());
    return built;
}

}  // namespace medsearch
