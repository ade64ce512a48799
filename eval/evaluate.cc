#include "eval/evaluate.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace medsearch::eval {

namespace {

// Running totals at each requested cut-off, gathered in one walk down a list.
struct CutoffTotals {
    std::vector<std::size_t> cutoffs;  // ascending, distinct
    std::vector<double> at_cutoff;     // the total over the first cutoffs[j] items

    double at(std::size_t cutoff) const {
        const auto found = std::lower_bound(cutoffs.begin(), cutoffs.end(), cutoff);
        return at_cutoff[static_cast<std::size_t>(found - cutoffs.begin())];
    }
};

// The discount of rank i+1 (i counted from 0): log2(rank + 1), as trec_eval's ndcg_cut.
double discount(std::size_t i) { return std::log2(static_cast<double>(i + 2)); }

std::vector<std::size_t> cutoffs_of(const std::vector<Metric>& metrics) {
    std::vector<std::size_t> cutoffs;
    for (const Metric& metric : metrics)
        if (takes_cutoff(metric.measure)) cutoffs.push_back(metric.cutoff);
    std::sort(cutoffs.begin(), cutoffs.end());
    cutoffs.erase(std::unique(cutoffs.begin(), cutoffs.end()), cutoffs.end());
    return cutoffs;
}

// Prefix sums of value(i) at each cut-off; a cut-off past the end of the list gets the whole sum.
template <typename Value>
CutoffTotals prefix_totals(const std::vector<std::size_t>& cutoffs, std::size_t length, Value value) {
    CutoffTotals totals{cutoffs, std::vector<double>(cutoffs.size(), 0.0)};
    double sum = 0.0;
    std::size_t next = 0;
    for (std::size_t i = 0; i < length && next < cutoffs.size(); ++i) {
        sum += value(i);
        while (next < cutoffs.size() && cutoffs[next] == i + 1) totals.at_cutoff[next++] = sum;
    }
    while (next < cutoffs.size()) totals.at_cutoff[next++] = sum;
    return totals;
}

}  // namespace

std::vector<int> relevance_list(const TopicRun& topic, const TopicJudgments& judgments, std::size_t max_results) {
    const std::vector<const RunEntry*> ranked = ranked_entries(topic.entries);
    const std::size_t length = std::min(ranked.size(), max_results);
    std::vector<int> relevance(length);
    for (std::size_t i = 0; i < length; ++i) relevance[i] = judgments.grade_of(ranked[i]->doc_id);
    return relevance;
}

std::vector<double> score_topic(const std::vector<int>& relevance, const TopicJudgments& judgments,
                                const std::vector<Metric>& metrics) {
    // Whole-ranking totals: average precision and the rank of the first relevant document.
    double precision_sum = 0.0;
    std::size_t relevant_so_far = 0;
    std::size_t first_relevant_rank = 0;
    for (std::size_t i = 0; i < relevance.size(); ++i) {
        if (relevance[i] < relevance_level) continue;
        ++relevant_so_far;
        precision_sum += static_cast<double>(relevant_so_far) / static_cast<double>(i + 1);
        if (first_relevant_rank == 0) first_relevant_rank = i + 1;
    }

    // Totals at the cut-offs: relevant documents seen, DCG of the ranking and of the ideal ranking (every
    // relevant judged document, highest grade first). Gains are the grades, as trec_eval's ndcg_cut.
    const std::vector<std::size_t> cutoffs = cutoffs_of(metrics);
    const CutoffTotals relevant = prefix_totals(cutoffs, relevance.size(), [&](std::size_t i) {
        return relevance[i] >= relevance_level ? 1.0 : 0.0;
    });
    const CutoffTotals dcg = prefix_totals(cutoffs, relevance.size(), [&](std::size_t i) {
        return relevance[i] > 0 ? relevance[i] / discount(i) : 0.0;
    });
    const std::vector<int>& ideal = judgments.relevant_grades;
    const CutoffTotals ideal_dcg =
        prefix_totals(cutoffs, ideal.size(), [&](std::size_t i) { return ideal[i] / discount(i); });

    const double num_relevant = static_cast<double>(judgments.num_relevant());
    std::vector<double> values;
    values.reserve(metrics.size());
    for (const Metric& metric : metrics) {
        const double k = static_cast<double>(metric.cutoff);
        switch (metric.measure) {
            case Measure::map:
                values.push_back(num_relevant > 0 ? precision_sum / num_relevant : 0.0);
                break;
            case Measure::recip_rank:
                values.push_back(first_relevant_rank > 0 ? 1.0 / static_cast<double>(first_relevant_rank) : 0.0);
                break;
            case Measure::precision:
                values.push_back(relevant.at(metric.cutoff) / k);
                break;
            case Measure::recall:
                values.push_back(num_relevant > 0 ? relevant.at(metric.cutoff) / num_relevant : 0.0);
                break;
            case Measure::ndcg_cut: {
                const double best = ideal_dcg.at(metric.cutoff);
                values.push_back(best > 0 ? dcg.at(metric.cutoff) / best : 0.0);
                break;
            }
            case Measure::success:
                values.push_back(relevant.at(metric.cutoff) > 0 ? 1.0 : 0.0);
                break;
        }
    }
    return values;
}

Evaluation evaluate(const Qrels& qrels, const Run& run, const EvaluationOptions& options) {
    std::unordered_map<std::string_view, const TopicRun*> run_topics;
    run_topics.reserve(run.topics.size());
    for (const TopicRun& topic : run.topics) run_topics.emplace(topic.topic_id, &topic);

    Evaluation evaluation;
    evaluation.metrics = options.metrics;
    evaluation.means.assign(options.metrics.size(), 0.0);
    evaluation.topics.reserve(qrels.topics.size());
    for (const auto& [topic_id, judgments] : qrels.topics) {
        TopicEvaluation topic{topic_id, false, std::vector<double>(options.metrics.size(), 0.0)};
        if (const auto found = run_topics.find(topic_id); found != run_topics.end()) {
            topic.in_run = true;
            topic.values = score_topic(relevance_list(*found->second, judgments, options.max_results_per_topic),
                                       judgments, options.metrics);
        }
        for (std::size_t m = 0; m < topic.values.size(); ++m) evaluation.means[m] += topic.values[m];
        evaluation.topics.push_back(std::move(topic));
    }
    // trec_eval -c: the mean is over every topic of the qrels, those the run lacks counting zero.
    for (double& mean : evaluation.means) mean /= static_cast<double>(std::max<std::size_t>(qrels.topics.size(), 1));
    return evaluation;
}

}  // namespace medsearch::eval
