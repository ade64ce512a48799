// Every number the ranking uses, in one struct, with the one configuration shipped for every collection.
// The values were chosen on training/dev data only, by benchmarks/tune.sh (coordinate ascent; every step
// is in benchmarks/results/tuning.md); none is switched per collection. One deliberate exception: the
// tuner would switch synonyms off (they cost the follow-up-dev set about 0.02 nDCG@10 and are neutral on
// SciFact train, NFCorpus dev and MEDIQA dev), but a user's own synonym file must do something, so the
// group keeps a small weight (0.2). Heading, section and article weights only matter where articles have
// sections and passages; they were measured by passage search over MedQuAD (the second stage of tune.sh).
// Sub-word evidence (ngram_*) was measured against its absence on the same tuning sets: weights 0.1-0.3,
// 3-, 4- and 5-grams, grams in passages too, caps on common grams; so were pairs (pair_weight 0.1-1: 0.5
// is best on the mean of the three sets, and raised the follow-up manual topics too).
// benchmarks/features.sh shows what the shipped settings earn and cost.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// benchmarks/tune.sh (results/tuning.md, at aacaac1) also prefers context.subject_weight 0.35,
// experimental.answer_title_weight 0.3, heading 2, section 1 and article_weight 0.15 (follow-up and passage search
// only). Not shipped: each of them, even subject_weight 0.35 alone, answers "How is it treated?" after "What
// is the cause of leukopenia?" on the bundled corpus with the "Definition and Causes of Leukopenia" bullets
// (the sessions tests), since the subject's word in a passage's heading and text then outweighs the
// question's own. The title-only subject clause (context.subject_title_weight) gains more on follow-up dev
// than a heavier subject weight (results/context_sweep.md) and keeps that answer.
struct Bm25Parameters {
    double k1 = 0.9;            // term-frequency saturation
    double b = 0.35;            // document-length normalisation (0.5 before the sub-word, pair and neighbour
                                // evidence; re-tuned with them: results/tuning.md)
    double min_normlen = 0.5;   // Xapian's floor on the normalised length
};

struct FieldWeights {
    double body = 1.0;
    double title = 0.35;        // the article title (question or focus) and its synonyms
    double heading = 1.5;       // the sub-heading the passage stands under
    double section = 0.5;       // the section name ("causes", "From the Guidelines")
    double lead_in = 0.5;       // a bullet's lead-in sentence: context that says what the bullet is a case of
    double mesh = 0.75;         // the article's MeSH headings and keywords (none in the tuning sets, so neutral
                                // there; measured on PubMedQA abstracts: benchmarks/results/mesh_weight.md)
};

struct FeedbackOptions {
    bool enabled = true;        // pseudo-relevance feedback from the top documents (Xapian's ESet)
    std::size_t documents = 10;
    std::size_t terms = 10;
    double weight = 0.3;        // of the feedback clause relative to the question
    std::size_t max_question_words = 1;  // only questions of at most this many content words (0: any)
    std::size_t min_term_bytes = 3;      // shorter expansion terms (and all-digit ones) are never added
};

// The term weighting model. BM25 is the default; the others are Xapian's, kept for measured comparisons: put in
// BM25's place in the shipped ranking, each loses on the tuning sets' mean (benchmarks/results/features.md).
enum class WeightingScheme { bm25 = 0, bm25_plus = 1, pl2 = 2, dph = 3, language_model = 4, inl2 = 5 };

// Switches measured and shipped off, kept for experiments; their measurements are in benchmarks/results/
// (features.md: the other weighting schemes and proximity; tuning.md and context_sweep.md: the answering
// title). The shipped ranking never reads a value here other than the default.
struct ExperimentalOptions {
    WeightingScheme scheme = WeightingScheme::bm25;
    double proximity_weight = 0.0;       // bonus for neighbouring content words close together (0: off; it costs
                                         // up to 19x the query time for +-0.01 nDCG: benchmarks/results/features.md)
    unsigned proximity_window = 8;
    double answer_title_weight = 0.0;    // follow-ups: the title of the article that answered the subject's turns
};

// Follow-up questions: how earlier turns of a conversation carry into the next (conversation/conversation.h).
struct ContextOptions {
    double subject_weight = 0.25;        // the carried subject's words, relative to the question's own
    double subject_title_weight = 0.35;  // the carried subject's words in the article title only: the subject
                                         // picks the article, the question the passage (results/context_sweep.md)
    double off_subject_share = 0.25;     // a passage matching none of the carried subject's words keeps this share
    double generic_document_share = 0.01;// a word in more than this share of documents is not a subject
    std::size_t max_subject_words = 8;
    std::size_t remembered_answers = 3;  // a turn remembers this many of its best articles
};

struct RankingOptions {
    Bm25Parameters bm25;                 // passage documents (the passages database)
    // Article documents (the articles database): whole articles with their 4-grams and pairs, 12-30 times a
    // passage's length, ranked against their own average length since the index split: a stronger length
    // normalisation and earlier saturation than passages (results/tuning.md).
    Bm25Parameters article_bm25{.k1 = 0.6, .b = 0.65, .min_normlen = 0.5};
    FieldWeights fields;
    double question_word_weight = 0.2;   // "what", "how", "does": present, but the content words decide
    double derivation_weight = 0.5;      // a word's noun the stemmer keeps apart ("treated": "treatment"), as a weaker clause
    double ngram_weight = 0.3;           // the content words' character 4-grams against the article's (sub-word
                                         // evidence: "ribosomopathies" meets "ribosome"), each word's grams one clause
    double ngram_max_document_share = 1.0;  // grams in more than this share of the articles are not searched
    double pair_weight = 0.5;            // neighbouring content words as one term, against the article's pairs
    std::size_t evidence_depth = 100;    // the top articles (by the words) that sub-word and pair evidence re-score
    double synonym_weight = 0.2;         // the synonym group counts this much of the words it stands for
    std::size_t max_expansions = 4;      // synonyms added per matched concept, at most
    double article_weight = 0.3;         // passage ranking: share of the article's own score
    double passage_weight = 1.0;         // document ranking: share of the best passage's score
    std::size_t candidate_articles = 1000;  // article evidence is gathered for this many articles
    std::size_t rerank_depth = 100;         // document ranking: the top articles that passage evidence re-ranks
    std::size_t evidence_passages = 100;    // passage ranking: the top passages ordered within their articles by
                                            // their own evidence (query/passage_evidence.h; 0: off)
    double neighbour_weight = 0.2;          // document ranking: share of the score that comes from the article's
                                            // nearest articles' scores (query/neighbour_smoothing.h)
    std::size_t neighbour_min_words = 6;    // ... for questions of at least this many content words
    std::size_t passages_per_unit = 3;      // passage evaluation: passages asked for per judged unit wanted (several
                                            // passages may make one unit)
    FeedbackOptions feedback;
    ContextOptions context;
    ExperimentalOptions experimental;
};

// The configuration medsearch ships.
RankingOptions default_ranking();

// Sets one option by its dotted name ("bm25.k1", "fields.title", "feedback.enabled", ...) from text, for
// experiments and ablations (`--ranking NAME=VALUE`). Each option is read as its type — a switch as true/false
// (or 1/0), a count as a whole number, a weight as a number, an enumeration by name — within its range.
// Throws UsageError for an unknown name, a value of another type or one out of range, naming what it takes.
void apply_ranking_setting(RankingOptions& ranking, std::string_view assignment);

// Every settable name with its current value, one "name=value" per entry (what apply_ranking_setting reads).
std::vector<std::string> describe_ranking(const RankingOptions& ranking);

}  // namespace medsearch
