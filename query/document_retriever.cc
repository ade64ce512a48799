#include "query/document_retriever.h"

#include "indexer/schema.h"
#include "query/open_retriever.h"

namespace medsearch {

std::vector<ScoredDocument> DocumentRetriever::retrieve(std::string_view question, std::size_t k) {
    const BuiltQuery built = engine_->build(engine_->parse(question));
    if (built.query.empty()) return {};
    return rank_articles(engine_->add_feedback(built.query), k);
}

std::vector<ScoredDocument> DocumentRetriever::rank_articles(const Xapian::Query& scoring, std::size_t k,
                                                             const ArticleScores& preference) const {
    const RankingOptions& ranking = engine_->ranking();

    // Passage evidence: each article's best passage, weighted, plus any preference the caller brings.
    ArticleScores evidence;
    if (ranking.passage_weight > 0) {
        evidence = engine_->best_passages(scoring, 2 * std::max(k, ranking.candidate_articles));
        for (auto& [article, score] : evidence) score *= ranking.passage_weight;
    }
    for (const auto& [article, bonus] : preference) evidence[article] += bonus;

    // Article evidence: the article documents themselves, with the passage evidence added.
    const Xapian::Query ranked = engine_->with_article_bonus(scoring, evidence, schema::kind_article);
    const Xapian::MSet matches =
        engine_->enquire(engine_->restrict(ranked, schema::kind_article)).get_mset(0, static_cast<Xapian::doccount>(k));
    std::vector<ScoredDocument> documents;
    documents.reserve(matches.size());
    for (auto match = matches.begin(); match != matches.end(); ++match)
        if (const auto article = engine_->articles().article_of(*match))
            documents.push_back({engine_->articles().id(*article), match.get_weight()});
    return documents;
}

std::unique_ptr<Retriever> open_retriever(const std::filesystem::path& db, const EngineOptions& options) {
    return std::make_unique<DocumentRetriever>(std::make_unique<Engine>(db, options));
}

}  // namespace medsearch
