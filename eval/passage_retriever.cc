#include "eval/passage_retriever.h"

#include <unordered_set>

namespace medsearch {

std::string judged_unit(const Hit& hit) { return hit.group.empty() ? hit.id : hit.article_id + "_" + hit.group; }

std::vector<ScoredDocument> PassageRetriever::retrieve(std::string_view text, std::size_t k) {
    // A writer's commits may overtake the revision a long evaluation reads: see the newest and ask again.
    return engine_->retrying([&] { return retrieve_once(text, k); });
}

std::vector<ScoredDocument> PassageRetriever::retrieve_once(std::string_view text, std::size_t k) {
    // The question, and in a conversation what the earlier turns add to it.
    Question question = engine_->parse(text);
    ContextResolution resolution;
    if (conversation_) resolution = conversation_->resolve(question);

    // Rank passages as search does, without the display work.
    SearchOptions options;
    options.limit = k * engine_->ranking().passages_per_unit;
    options.suggest = false;
    options.highlight = false;
    const SearchResults results = searcher_.search(std::move(question), options, resolution.context);

    // Each unit once, at its best passage.
    std::vector<ScoredDocument> units;
    std::unordered_set<std::string> seen;
    std::vector<std::string> ranked_articles;
    for (const Hit& hit : results.hits) {
        ranked_articles.push_back(hit.article_id);
        if (units.size() < k && seen.insert(judged_unit(hit)).second) units.push_back({judged_unit(hit), hit.score});
    }
    if (conversation_) conversation_->record(results.question, resolution, ranked_articles);
    return units;
}

}  // namespace medsearch
