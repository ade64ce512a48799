// An article as ranking sees it: its id, its score so far, its article document and, once asked for, its
// nearest articles.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexer/neighbours.h"

namespace medsearch {

// Article id -> score (or bonus).
using ArticleScores = std::unordered_map<std::string, double>;

// An article ranked by its article document.
struct RankedArticle {
    std::string id;
    double score = 0;
    Xapian::docid document = 0;        // its article document in the engine's articles database
    std::vector<Neighbour> neighbours; // nearest first; filled by Engine::add_neighbours
};

// Best first; equal scores by article id, so the order is the same however the index is laid out
// (one database or shards, whichever order the articles were added in).
inline bool best_first(const RankedArticle& a, const RankedArticle& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
}

}  // namespace medsearch
