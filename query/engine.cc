#include "query/engine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/char_ngrams.h"
#include "analysis/derivation.h"
#include "analysis/function_words.h"
#include "common/errors.h"
#include "indexer/article_codec.h"
#include "indexer/schema.h"
#include "query/prefix_expansion.h"

namespace medsearch {

namespace {

// The documents of the listed articles, as a boolean filter on either database.
Xapian::Query any_article_of(const std::vector<std::string>& articles, std::string_view prefix) {
    std::vector<std::string> terms;
    terms.reserve(articles.size());
    for (const std::string& article : articles) terms.push_back(std::string(prefix) + article);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Each article's bonus on every document of the article, by the article-id value: Xapian's own posting
// source, so it also runs inside a remote match.
Xapian::PostingSource* article_bonus(const ArticleScores& bonus) {
    auto* source = new Xapian::ValueMapPostingSource(schema::article_slot);
    for (const auto& [article, extra] : bonus)
        if (extra > 0) source->add_mapping(article, extra);
    source->set_default_weight(0.0);
    return source->release();
}

// Feedback terms are body words about a subject: no prefix (they start lower-case, with a digit or a
// non-ASCII byte), no number, no function word ("can", "your", "may": analysis/function_words.h).
class BodyTermsOnly : public Xapian::ExpandDecider {
public:
    BodyTermsOnly(std::vector<std::string> exclude, std::size_t min_term_bytes)
        : exclude_(std::move(exclude)), min_term_bytes_(min_term_bytes) {
        std::sort(exclude_.begin(), exclude_.end());
    }
    bool operator()(const std::string& term) const override {
        if (!schema::is_body_term(term)) return false;
        if (term.size() < min_term_bytes_ || std::all_of(term.begin(), term.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
        const std::vector<std::string>& function_words = function_word_terms();
        if (std::binary_search(function_words.begin(), function_words.end(), term)) return false;
        return !std::binary_search(exclude_.begin(), exclude_.end(), term);
    }

private:
    std::vector<std::string> exclude_;
    std::size_t min_term_bytes_;
};

Xapian::Enquire weighted_enquire(const Xapian::Database& database, const Xapian::Query& query, const Xapian::Weight& weight) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(weight);
    // Equal scores by article id, so runs are deterministic and the same however the index is split into
    // shards (document numbers interleave across shards); the sort is Xapian's own, so it runs inside a
    // remote match too. Then document order: an article's documents are in the order they were written.
    enquire.set_sort_by_relevance_then_value(schema::article_slot, false);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire;
}

}  // namespace

Engine::Engine(const std::filesystem::path& index, EngineOptions options)
    : Engine(std::vector<std::filesystem::path>{index}, std::move(options)) {}

Engine::Engine(const std::vector<std::filesystem::path>& indexes, EngineOptions options)
    : index_(open_index(indexes)),
      options_(std::move(options)),
      builder_(options_.ranking, &synonyms_, &index_.passages),
      spelling_(index_.articles, analyzer_, options_.dictionaries) {
    std::vector<std::filesystem::path> files;
    if (options_.bundled_synonyms) files = bundled_synonym_files();
    files.insert(files.end(), options_.synonym_files.begin(), options_.synonym_files.end());
    for (const std::filesystem::path& file : files) synonyms_.load(file, analyzer_);
}

void Engine::refresh() const { reopen_index(index_); }

Question Engine::parse(std::string_view text) const {
    Question question = parse_question(text, analyzer_);
    expand_prefixes(question, index_.passages);
    const RankingOptions& ranking = options_.ranking;
    if (ranking.derivation_weight > 0) {
        for (Concept& concept_ : question.concepts) {
            if (concept_.phrase || concept_.excluded || concept_.terms.size() != 1 || !concept_.joined.empty()) continue;
            for (std::string& variant : derivational_variants(concept_.terms.front()))
                if (index_.articles.term_exists(variant)) concept_.variants.push_back(std::move(variant));
        }
    }
    if (ranking.ngram_weight > 0) {
        // A gram in (nearly) every article says nothing and costs a long posting list.
        const double articles = index_.articles.get_doccount();
        const double most = ranking.ngram_max_document_share * articles;
        for (Concept& concept_ : question.concepts) {
            if (!is_content(concept_)) continue;
            for (const std::string& word : concept_.words)
                for (const std::string& gram : character_ngrams(word)) {
                    std::string term = std::string(schema::ngram) + gram;
                    const Xapian::doccount frequency = index_.articles.get_termfreq(term);
                    if (frequency > 0 && frequency <= most) concept_.grams.push_back(std::move(term));
                }
        }
    }
    return question;
}

Xapian::Enquire Engine::enquire(const Xapian::Database& passages, const Xapian::Query& query) const {
    return weighted_enquire(passages, query, *make_weight(options_.ranking, options_.ranking.bm25));
}

// Article documents are an order of magnitude longer than passages and hold the 4-gram and pair terms, so
// their term-frequency saturation and length normalisation are set apart (results/tuning.md).
Xapian::Enquire Engine::enquire_articles(const Xapian::Query& query) const {
    return weighted_enquire(index_.articles, query, *make_weight(options_.ranking, options_.ranking.article_bm25));
}

std::optional<Article> Engine::article(std::string_view article_id) const {
    const std::string term = std::string(schema::unique_id) + std::string(article_id);
    auto posting = index_.articles.postlist_begin(term);
    if (posting == index_.articles.postlist_end(term)) return std::nullopt;
    return decode_article(index_.articles.get_document(*posting).get_data());
}

std::string Engine::article_title(std::string_view article_id) const {
    try {
        const std::optional<Article> found = article(article_id);
        return found ? found->title : std::string();
    } catch (const DatabaseError&) {
        return {};  // a title is a courtesy (a conversation's note); a damaged article shows none
    }
}

Xapian::Query Engine::with_article_bonus(const Xapian::Query& scoring, const ArticleScores& bonus) const {
    if (std::none_of(bonus.begin(), bonus.end(), [](const auto& entry) { return entry.second > 0; })) return scoring;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, scoring, Xapian::Query(article_bonus(bonus)));
}

std::vector<RankedArticle> Engine::rank_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence) const {
    std::vector<RankedArticle> ranked;
    Xapian::Enquire articles = enquire_articles(scoring);
    // Each article has one document, so collapsing removes none: it hands over the article ids, which
    // the match reads from the value stream, without fetching a document per article.
    articles.set_collapse_key(schema::article_slot);
    const Xapian::MSet matches = articles.get_mset(0, static_cast<Xapian::doccount>(count));
    for (auto match = matches.begin(); match != matches.end(); ++match)
        ranked.push_back({match.get_collapse_key(), match.get_weight(), *match, {}});
    if (evidence.empty() || ranked.empty()) return ranked;

    // Sub-word and pair evidence for the best of them, scored over those articles only. Scores only grow,
    // so the articles below the re-scored ones stay below them.
    const std::size_t depth = std::min(ranked.size(), options_.ranking.evidence_depth);
    std::vector<std::string> top;
    for (std::size_t i = 0; i < depth; ++i) top.push_back(ranked[i].id);
    const Xapian::Query within(Xapian::Query::OP_FILTER, evidence, any_article_of(top, schema::unique_id));
    const Xapian::MSet extra = enquire_articles(within).get_mset(0, static_cast<Xapian::doccount>(depth));
    std::unordered_map<Xapian::docid, double> found;
    for (auto match = extra.begin(); match != extra.end(); ++match) found.emplace(*match, match.get_weight());
    for (std::size_t i = 0; i < depth; ++i)
        if (const auto hit = found.find(ranked[i].document); hit != found.end()) ranked[i].score += hit->second;
    std::sort(ranked.begin(), ranked.end(), best_first);
    return ranked;
}

ArticleScores Engine::score_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence) const {
    ArticleScores scores;
    for (const RankedArticle& ranked : rank_articles(scoring, count, evidence)) scores.emplace(ranked.id, ranked.score);
    return scores;
}

ArticleScores Engine::best_passages(const Xapian::Query& scoring, const std::vector<std::string>& articles) const {
    ArticleScores scores;
    if (articles.empty() || scoring.empty()) return scores;
    // Only the listed articles' passages are scored, and only the best of each is kept.
    Xapian::Enquire best = enquire(index_.passages, Xapian::Query(Xapian::Query::OP_FILTER, scoring, any_article_of(articles, schema::article)));
    best.set_collapse_key(schema::article_slot);
    const Xapian::MSet matches = best.get_mset(0, static_cast<Xapian::doccount>(articles.size()));
    for (auto match = matches.begin(); match != matches.end(); ++match)
        scores.emplace(match.get_collapse_key(), match.get_weight());
    return scores;
}

void Engine::add_neighbours(std::vector<RankedArticle>& ranked) const {
    for (RankedArticle& article : ranked)
        article.neighbours = decode_neighbours(index_.articles.get_document(article.document).get_value(schema::neighbours_slot));
}

Xapian::Query Engine::add_feedback(const Xapian::Query& scoring, const Question& question, bool in_context,
                                   std::vector<Expansion>* expansions) const {
    const FeedbackOptions& feedback = options_.ranking.feedback;
    if (!feedback.enabled || scoring.empty() || in_context) return scoring;
    if (feedback.max_question_words > 0 && question.content_count() > feedback.max_question_words) return scoring;

    // The top article documents are taken as relevant.
    Xapian::Enquire first = enquire_articles(scoring);
    const Xapian::MSet top = first.get_mset(0, static_cast<Xapian::doccount>(feedback.documents));
    if (top.empty()) return scoring;
    Xapian::RSet relevant;
    for (auto match = top.begin(); match != top.end(); ++match) relevant.add_document(*match);

    // Their best terms, weighted relative to the best one, form a clause of their own.
    const std::vector<std::string> asked(scoring.get_unique_terms_begin(), scoring.get_unique_terms_end());
    const BodyTermsOnly decider(asked, feedback.min_term_bytes);
    // Exact term frequencies: over shards Xapian would otherwise extrapolate them from the shards holding the
    // top documents, and the terms would depend on how the index is split.
    const Xapian::ESet terms = first.get_eset(static_cast<Xapian::termcount>(feedback.terms), relevant,
                                              Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    if (terms.empty()) return scoring;
    std::vector<Xapian::Query> clauses;
    const double best = terms.begin().get_weight();
    for (auto term = terms.begin(); term != terms.end(); ++term) {
        const double weight = feedback.weight * term.get_weight() / best;
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*term), weight);
        if (expansions != nullptr) expansions->push_back({"feedback from the top documents", *term, weight});
    }
    return Xapian::Query(Xapian::Query::OP_OR, scoring, Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end()));
}

}  // namespace medsearch
