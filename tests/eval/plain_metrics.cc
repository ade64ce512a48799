#include "plain_metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace medsearch::eval::test {

namespace {

int grade(const PlainJudgments& judgments, const std::string& doc_id) {
    const auto found = judgments.find(doc_id);
    return found == judgments.end() ? -1 : found->second;
}

double dcg(const std::vector<int>& gains, std::size_t k) {
    double sum = 0.0;
    for (std::size_t i = 0; i < gains.size() && i < k; ++i)
        if (gains[i] > 0) sum += gains[i] / std::log2(static_cast<double>(i) + 2.0);
    return sum;
}

}  // namespace

double plain_metric(const std::vector<RunEntry>& entries, const PlainJudgments& judgments, const Metric& metric,
                    std::size_t max_results) {
    std::vector<RunEntry> ranking = entries;
    std::sort(ranking.begin(), ranking.end(), [](const RunEntry& a, const RunEntry& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.doc_id > b.doc_id;
    });
    if (ranking.size() > max_results) ranking.resize(max_results);

    std::vector<int> grades;
    for (const RunEntry& entry : ranking) grades.push_back(grade(judgments, entry.doc_id));
    std::vector<int> ideal;
    for (const auto& [doc_id, g] : judgments)
        if (g >= 1) ideal.push_back(g);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    const double num_relevant = static_cast<double>(ideal.size());
    const auto relevant_in_top = [&](std::size_t k) {
        double count = 0;
        for (std::size_t i = 0; i < grades.size() && i < k; ++i)
            if (grades[i] >= 1) ++count;
        return count;
    };

    switch (metric.measure) {
        case Measure::map: {
            if (num_relevant == 0) return 0.0;
            double sum = 0.0;
            for (std::size_t i = 0; i < grades.size(); ++i)
                if (grades[i] >= 1) sum += relevant_in_top(i + 1) / static_cast<double>(i + 1);
            return sum / num_relevant;
        }
        case Measure::recip_rank:
            for (std::size_t i = 0; i < grades.size(); ++i)
                if (grades[i] >= 1) return 1.0 / static_cast<double>(i + 1);
            return 0.0;
        case Measure::precision:
            return relevant_in_top(metric.cutoff) / static_cast<double>(metric.cutoff);
        case Measure::recall:
            return num_relevant == 0 ? 0.0 : relevant_in_top(metric.cutoff) / num_relevant;
        case Measure::ndcg_cut: {
            const double best = dcg(ideal, metric.cutoff);
            return best == 0 ? 0.0 : dcg(grades, metric.cutoff) / best;
        }
        case Measure::success:
            return relevant_in_top(metric.cutoff) > 0 ? 1.0 : 0.0;
    }
    return 0.0;
}

double plain_mean(const std::map<std::string, std::vector<RunEntry>>& run,
                  const std::map<std::string, PlainJudgments>& qrels, const Metric& metric, std::size_t max_results) {
    double sum = 0.0;
    for (const auto& [topic_id, judgments] : qrels) {
        const auto found = run.find(topic_id);
        if (found != run.end()) sum += plain_metric(found->second, judgments, metric, max_results);
    }
    return qrels.empty() ? 0.0 : sum / static_cast<double>(qrels.size());
}

}  // namespace medsearch::eval::test
