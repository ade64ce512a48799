// Which passage of an article a person should read first. Every passage of an article shares the article's
// title and the article's share of the score, and short passages share BM25's length floor, so a passage
// that only mentions the subject ties with the one that answers. Passage evidence breaks that: the
// question's content words found in the passage's own words, its list's lead-in or its heading, each
// weighed by how rare it is; a question word ("what", "how") counts only in a heading, where it names the
// kind of answer ("What causes Hemophilia?"). Within each article, passages are ordered by that evidence,
// then by their score; the article keeps the ranks its passages held, so articles are not reordered.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "query/question.h"

namespace medsearch {

// One thing the question asks about, as the passage terms that show it: any alternative present counts,
// at its factor (the word itself 1, a derivational variant less), times the concept's weight.
struct EvidenceConcept {
    struct Alternative {
        std::vector<std::string> terms;  // all must be present (a compound's or phrase's parts)
        double factor = 1.0;
    };
    std::vector<Alternative> alternatives;
    struct Field {
        std::string prefix;
        double factor = 1.0;
    };
    std::vector<Field> fields;  // where it counts (body, lead-in, heading; a question word: the heading only)
    double weight = 0.0;
};

struct EvidenceOptions {
    double variant_factor = 0.5;   // a word's other stem ("treatment" for "treated")
    double frame_factor = 0.2;     // a question word found in the heading
    double heading_factor = 1.0;   // a heading says what its passages answer ("Management and Treatment")
                                   // as much as their own words and their list's lead-in do
    double subject_factor = 0.5;   // a concept the article's title holds: every passage of the article is
                                   // about it, so it says less about which one answers
};

// The question's concepts as evidence, weighted by their inverse document frequency in the database.
std::vector<EvidenceConcept> evidence_concepts(const Question& question, const Xapian::Database& database,
                                               const EvidenceOptions& options = {});

// The evidence of one passage: the sum over the concepts it shows (sorted_terms: its terms, sorted).
double passage_evidence(const std::vector<std::string>& sorted_terms, const std::vector<EvidenceConcept>& concepts,
                        const EvidenceOptions& options = {});

// A ranked passage as the reordering sees it.
struct ScoredPassage {
    std::string article;
    double score = 0.0;      // the ranking score; best first on input
    double evidence = 0.0;
    std::size_t ordinal = 0; // place in its article: the last tie-break (reading order)
    std::size_t index = 0;   // the caller's own index of the passage
};

// Orders the passages (given best first) so that within each article evidence decides, then score, then
// reading order, each article keeping the ranks its passages held. Scores are then made to follow the new
// order: a passage takes the score of the rank it moves to, lowered just enough to stay below the one
// before it where their evidence or score differ, so sorting by score gives the same order.
std::vector<ScoredPassage> order_within_articles(std::vector<ScoredPassage> passages);

// The matches (passage documents, best first) as scored passages with their evidence, `index` their place
// in the MSet, ordered within their articles.
std::vector<ScoredPassage> order_by_passage_evidence(const Xapian::MSet& matches, const std::vector<EvidenceConcept>& concepts);

}  // namespace medsearch
