#include "query/passage_evidence.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "indexer/schema.h"

namespace medsearch {

namespace {

// Where a passage's own evidence stands: its words, its list's lead-in, its heading. The title and the
// section are the article's, shared by every passage, so they say nothing about which passage answers.

// How far a passage's score is lowered below the one before it when the evidence orders them: enough to
// show at three decimals and to survive a run file's six, far below any real score difference.
constexpr double kScoreStep = 0.001;

bool has_term(const std::vector<std::string>& sorted_terms, const std::string& term) {
    return std::binary_search(sorted_terms.begin(), sorted_terms.end(), term);
}

double inverse_frequency(const Xapian::Database& database, const std::string& term) {
    const double documents = std::max<double>(1, database.get_doccount());
    const double frequency = std::max<double>(1, database.get_termfreq(term));
    return std::log(1.0 + documents / frequency);
}

bool evidence_before(const ScoredPassage& a, const ScoredPassage& b) {
    if (a.evidence != b.evidence) return a.evidence > b.evidence;
    if (a.score != b.score) return a.score > b.score;
    return a.ordinal < b.ordinal;
}

}  // namespace

std::vector<EvidenceConcept> evidence_concepts(const Question& question, const Xapian::Database& database,
                                               const EvidenceOptions& options) {
    std::vector<EvidenceConcept> concepts;
    for (const Concept& concept_ : question.concepts) {
        if (concept_.excluded || concept_.referent) continue;
        EvidenceConcept evidence;
        evidence.fields = {{std::string(schema::heading), options.heading_factor}};
        if (!concept_.frame) {
            evidence.fields.push_back({std::string(schema::body), 1.0});
            evidence.fields.push_back({std::string(schema::lead_in), 1.0});
        }
        const double factor = concept_.frame ? options.frame_factor : 1.0;
        if (!concept_.joined.empty()) evidence.alternatives.push_back({{concept_.joined}, factor});
        if (!concept_.terms.empty()) evidence.alternatives.push_back({concept_.terms, factor});
        for (const std::string& term : concept_.expansions) evidence.alternatives.push_back({{term}, factor});
        for (const std::string& variant : concept_.variants)
            evidence.alternatives.push_back({{variant}, factor * options.variant_factor});
        if (evidence.alternatives.empty()) continue;
        // A phrase is as rare as its rarest word.
        for (const std::string& term : evidence.alternatives.front().terms)
            evidence.weight = std::max(evidence.weight, inverse_frequency(database, term));
        concepts.push_back(std::move(evidence));
    }
    return concepts;
}

double passage_evidence(const std::vector<std::string>& sorted_terms, const std::vector<EvidenceConcept>& concepts,
                        const EvidenceOptions& options) {
    auto all_in = [&](const std::vector<std::string>& terms, std::string_view prefix) {
        return std::all_of(terms.begin(), terms.end(),
                           [&](const std::string& term) { return has_term(sorted_terms, std::string(prefix) + term); });
    };
    double total = 0.0;
    for (const EvidenceConcept& concept_ : concepts) {
        double best = 0.0;
        for (const EvidenceConcept::Alternative& alternative : concept_.alternatives) {
            const double subject = all_in(alternative.terms, schema::title) ? options.subject_factor : 1.0;
            for (const EvidenceConcept::Field& field : concept_.fields)
                if (all_in(alternative.terms, field.prefix)) best = std::max(best, alternative.factor * field.factor * subject);
        }
        total += best * concept_.weight;
    }
    return total;
}

std::vector<ScoredPassage> order_within_articles(std::vector<ScoredPassage> passages) {
    // Each article's ranks (slots), and its passages in evidence order.
    std::map<std::string, std::vector<std::size_t>> slots;
    for (std::size_t i = 0; i < passages.size(); ++i) slots[passages[i].article].push_back(i);
    std::vector<ScoredPassage> ordered(passages.size());
    std::vector<double> slot_scores(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) slot_scores[i] = passages[i].score;
    for (const auto& [article, ranks] : slots) {
        std::vector<ScoredPassage> own;
        for (const std::size_t rank : ranks) own.push_back(passages[rank]);
        std::stable_sort(own.begin(), own.end(), evidence_before);
        for (std::size_t i = 0; i < ranks.size(); ++i) ordered[ranks[i]] = std::move(own[i]);
    }
    // Scores that say the new order: each rank's score, kept strictly below the one before it unless the two
    // passages' evidence and score are equal.
    std::vector<double> own_scores(ordered.size());
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        own_scores[i] = ordered[i].score;
        ordered[i].score = slot_scores[i];
        if (i == 0) continue;
        const bool equal = ordered[i - 1].evidence == ordered[i].evidence && own_scores[i - 1] == own_scores[i];
        ordered[i].score = std::min(ordered[i].score, equal ? ordered[i - 1].score : ordered[i - 1].score - kScoreStep);
    }
    return ordered;
}

std::vector<ScoredPassage> order_by_passage_evidence(const Xapian::MSet& matches, const std::vector<EvidenceConcept>& concepts) {
    std::vector<ScoredPassage> passages;
    for (auto match = matches.begin(); match != matches.end(); ++match) {
        const Xapian::Document document = match.get_document();
        const std::vector<std::string> terms(document.termlist_begin(), document.termlist_end());  // sorted
        passages.push_back({document.get_value(schema::article_slot), match.get_weight(), passage_evidence(terms, concepts),
                            static_cast<std::size_t>(Xapian::sortable_unserialise(document.get_value(schema::ordinal_slot))),
                            static_cast<std::size_t>(match.get_rank() - matches.get_firstitem())});
    }
    return order_within_articles(std::move(passages));
}

}  // namespace medsearch
