// Each article's nearest articles (indexer/neighbours.h), read once from their value slot, and the
// ranking step that uses them: score regularization. An article that truly answers a question usually
// sits among articles that match it too, while a stray match stands alone; so each ranked article's score
// is pulled toward the scores of its neighbours in the same ranking (Diaz, "Regularizing ad hoc retrieval
// scores", CIKM 2005).
#pragma once

#include <cstddef>
#include <vector>

#include <xapian.h>

#include "query/article_map.h"
#include "query/ranked_article.h"

namespace medsearch {

struct ArticleNeighbour {
    ArticleNumber article;
    double similarity;  // larger is nearer; only ratios between an article's neighbours matter
};

class NeighbourMap {
public:
    // An index written before neighbours were stored, or an article without any, gives empty lists.
    // Throws DatabaseError for a list that cannot be decoded.
    NeighbourMap(const Xapian::Database& database, const ArticleMap& articles);
    // Built from lists in hand (tests, tools).
    explicit NeighbourMap(std::vector<std::vector<ArticleNeighbour>> lists) : lists_(std::move(lists)) {}

    // Nearest first; empty for an article without a list.
    const std::vector<ArticleNeighbour>& of(ArticleNumber article) const;
    bool empty() const { return lists_.empty(); }

private:
    std::vector<std::vector<ArticleNeighbour>> lists_;  // by article number
};

// Every article with neighbours gets (1 - weight) * its score + weight * the similarity-weighted mean of its
// neighbours' scores, a neighbour outside `ranked` counting 0; articles without neighbours keep their score.
// All of it from the scores as given (a plain, order-independent pass); `ranked` ends best first either way.
void smooth_by_neighbours(std::vector<RankedArticle>& ranked, const NeighbourMap& neighbours, double weight);

}  // namespace medsearch
