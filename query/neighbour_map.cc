#include "query/neighbour_map.h"

#include <algorithm>
#include <unordered_map>

#include "indexer/neighbours.h"
#include "indexer/schema.h"

namespace medsearch {

NeighbourMap::NeighbourMap(const Xapian::Database& database, const ArticleMap& articles) {
    // One pass over the slot's value stream; only article documents have the slot.
    for (auto value = database.valuestream_begin(schema::neighbours_slot); value != database.valuestream_end(schema::neighbours_slot);
         ++value) {
        const auto article = articles.article_of(value.get_docid());
        if (!article) continue;
        std::vector<ArticleNeighbour> list;
        for (const Neighbour& neighbour : decode_neighbours(*value))
            if (const auto other = articles.article_of(neighbour.document); other && *other != *article)
                list.push_back({*other, neighbour.similarity});
        if (lists_.size() <= *article) lists_.resize(*article + 1);
        lists_[*article] = std::move(list);
    }
}

const std::vector<ArticleNeighbour>& NeighbourMap::of(ArticleNumber article) const {
    static const std::vector<ArticleNeighbour> none;
    return article < lists_.size() ? lists_[article] : none;
}

void smooth_by_neighbours(std::vector<RankedArticle>& ranked, const NeighbourMap& neighbours, double weight) {
    if (weight <= 0 || ranked.empty() || neighbours.empty()) {
        std::sort(ranked.begin(), ranked.end(), best_first);
        return;
    }
    std::unordered_map<ArticleNumber, double> score;
    score.reserve(ranked.size());
    for (const RankedArticle& article : ranked) score.emplace(article.article, article.score);

    for (RankedArticle& article : ranked) {
        double total = 0, similarity = 0;
        for (const ArticleNeighbour& neighbour : neighbours.of(article.article)) {
            similarity += neighbour.similarity;
            if (const auto found = score.find(neighbour.article); found != score.end()) total += neighbour.similarity * found->second;
        }
        // `score` keeps every article's score as given; this article's own is not changed yet.
        if (similarity > 0) article.score = (1 - weight) * article.score + weight * total / similarity;
    }
    std::sort(ranked.begin(), ranked.end(), best_first);
}

}  // namespace medsearch
