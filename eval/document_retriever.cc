#include "eval/document_retriever.h"

#include <algorithm>

#include "eval/open_retriever.h"
#include "eval/passage_retriever.h"
#include "indexer/schema.h"
#include "query/neighbour_smoothing.h"

namespace medsearch {

std::vector<ScoredDocument> DocumentRetriever::retrieve(std::string_view text, std::size_t k) {
    // A writer's commits may overtake the revision a long evaluation reads: see the newest and ask again.
    return engine_->retrying([&] { return retrieve_once(text, k); });
}

std::vector<ScoredDocument> DocumentRetriever::retrieve_once(std::string_view text, std::size_t k) {
    // The question, and in a conversation what the earlier turns add to it.
    const Question question = engine_->parse(text);
    const BuiltQuery built = engine_->build(question);
    ContextResolution resolution;
    if (conversation_) resolution = conversation_->resolve(question);
    const Xapian::Query scoring = with_context(built.query, resolution.context);

    // Rank the articles.
    std::vector<ScoredDocument> ranked;
    if (!scoring.empty()) ranked = rank_articles(engine_->add_feedback(scoring, question, !resolution.context.clauses.empty()), built.evidence, k,
                                                 question.content_count());

    // Remember the turn.
    if (conversation_) {
        std::vector<std::string> ranked_articles;
        for (const ScoredDocument& document : ranked) ranked_articles.push_back(document.id);
        conversation_->record(question, resolution, ranked_articles);
    }
    return ranked;
}

std::vector<ScoredDocument> DocumentRetriever::rank_articles(const Xapian::Query& scoring, const Xapian::Query& evidence,
                                                             std::size_t k, std::size_t question_words) const {
    const RankingOptions& ranking = engine_->ranking();

    // Article evidence: the best candidates by their article documents and their sub-word and pair evidence.
    std::vector<RankedArticle> candidates = engine_->rank_articles(scoring, std::max(k, ranking.candidate_articles), evidence);

    // Passage evidence for the best candidates: each one's best passage, weighted. Scores only grow, so
    // the candidates below the re-ranked ones stay below them.
    const std::size_t depth = std::min(candidates.size(), ranking.rerank_depth);
    if (ranking.passage_weight > 0 && depth > 0) {
        std::vector<std::string> top;
        for (std::size_t i = 0; i < depth; ++i) top.push_back(candidates[i].id);
        const ArticleScores best = engine_->best_passages(scoring, top);
        for (std::size_t i = 0; i < depth; ++i)
            if (const auto found = best.find(candidates[i].id); found != best.end())
                candidates[i].score += ranking.passage_weight * found->second;
    }

    // The neighbours' word on each candidate, for a descriptive question (a claim, a consumer's question):
    // there the answer may word things differently and its neighbours bridge the gap; a short, precise
    // question ("What causes X?") has the answer's own words, and neighbours (X's other answers, others'
    // causes) only blur them (benchmarks/results/features.md). Either way the candidates end best first.
    if (ranking.neighbour_weight > 0 && question_words >= ranking.neighbour_min_words) {
        engine_->add_neighbours(candidates);
        smooth_by_neighbours(candidates, ranking.neighbour_weight);
    } else
        std::sort(candidates.begin(), candidates.end(), best_first);

    std::vector<ScoredDocument> documents;
    for (std::size_t i = 0; i < candidates.size() && i < k; ++i) documents.push_back({candidates[i].id, candidates[i].score});
    return documents;
}

std::unique_ptr<Retriever> open_retriever(const std::vector<std::filesystem::path>& indexes, const EngineOptions& options, RankedUnit unit) {
    auto engine = std::make_unique<Engine>(indexes, options);
    if (unit == RankedUnit::passage) return std::make_unique<PassageRetriever>(std::move(engine));
    return std::make_unique<DocumentRetriever>(std::move(engine));
}

}  // namespace medsearch
