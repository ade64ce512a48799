// An article as ranking sees it: its number, its score so far, its article document.
#pragma once

#include <unordered_map>

#include <xapian.h>

#include "query/article_map.h"

namespace medsearch {

// Article -> score (or bonus).
using ArticleScores = std::unordered_map<ArticleNumber, double>;

// An article ranked by its article document.
struct RankedArticle {
    ArticleNumber article;
    double score;
    Xapian::docid document;  // its article document; equal scores keep this order
};

// Best first; equal scores in index order, so runs are deterministic.
inline bool best_first(const RankedArticle& a, const RankedArticle& b) {
    return a.score != b.score ? a.score > b.score : a.document < b.document;
}

}  // namespace medsearch
