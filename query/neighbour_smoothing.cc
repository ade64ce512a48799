#include "query/neighbour_smoothing.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace medsearch {

void smooth_by_neighbours(std::vector<RankedArticle>& ranked, double weight) {
    if (weight > 0 && !ranked.empty()) {
        std::unordered_map<std::string_view, double> score;
        score.reserve(ranked.size());
        for (const RankedArticle& article : ranked) score.emplace(article.id, article.score);
        std::vector<double> smoothed;
        smoothed.reserve(ranked.size());
        for (const RankedArticle& article : ranked) {
            double total = 0, similarity = 0;
            for (const Neighbour& neighbour : article.neighbours) {
                if (neighbour.article == article.id) continue;
                similarity += neighbour.similarity;
                if (const auto found = score.find(neighbour.article); found != score.end()) total += neighbour.similarity * found->second;
            }
            smoothed.push_back(similarity > 0 ? (1 - weight) * article.score + weight * total / similarity : article.score);
        }
        // Every article's new score comes from the scores as given, not from its neighbours' new ones.
        for (std::size_t i = 0; i < ranked.size(); ++i) ranked[i].score = smoothed[i];
    }
    std::sort(ranked.begin(), ranked.end(), best_first);
}

}  // namespace medsearch
