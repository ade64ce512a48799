// The ranking step that uses each article's nearest articles (indexer/neighbours.h): score
// regularization. An article that truly answers a question usually sits among articles that match it too,
// while a stray match stands alone; so each ranked article's score is pulled toward the scores of its
// neighbours in the same ranking (Diaz, "Regularizing ad hoc retrieval scores", CIKM 2005).
#pragma once

#include <vector>

#include "query/ranked_article.h"

namespace medsearch {

// Every article with neighbours gets (1 - weight) * its score + weight * the similarity-weighted mean of its
// neighbours' scores, a neighbour outside `ranked` counting 0; articles without neighbours keep their score.
// All of it from the scores as given (a plain, order-independent pass); `ranked` ends best first either way.
void smooth_by_neighbours(std::vector<RankedArticle>& ranked, double weight);

}  // namespace medsearch
