#include "eval/compare.h"

#include <cmath>

#include "common/errors.h"

namespace medsearch::eval {

Comparison compare_evaluations(const Evaluation& a, const Evaluation& b, const RandomizationOptions& options) {
    if (a.metrics != b.metrics || a.topics.size() != b.topics.size())
        throw Error("compare: the two evaluations have different metrics or topics");
    Comparison comparison;
    comparison.num_topics = a.topics.size();
    for (std::size_t m = 0; m < a.metrics.size(); ++m) {
        MetricComparison result;
        result.metric = a.metrics[m];
        result.mean_a = a.means[m];
        result.mean_b = b.means[m];
        std::vector<double> scores_a;
        std::vector<double> scores_b;
        scores_a.reserve(a.topics.size());
        scores_b.reserve(b.topics.size());
        for (std::size_t t = 0; t < a.topics.size(); ++t) {
            if (a.topics[t].topic_id != b.topics[t].topic_id)
                throw Error("compare: the two evaluations list different topics");
            const double x = a.topics[t].values[m];
            const double y = b.topics[t].values[m];
            if (std::fabs(x - y) <= tie_tolerance) ++result.ties;
            else if (x > y) ++result.wins;
            else ++result.losses;
            scores_a.push_back(x);
            scores_b.push_back(y);
        }
        result.randomization_p = paired_randomization_p(scores_a, scores_b, options);
        result.t_test = paired_t_test(scores_a, scores_b);
        comparison.metrics.push_back(result);
    }
    return comparison;
}

Comparison compare_runs(const Qrels& qrels, const Run& a, const Run& b, const CompareOptions& options) {
    return compare_evaluations(evaluate(qrels, a, options.evaluation), evaluate(qrels, b, options.evaluation),
                               options.randomization);
}

}  // namespace medsearch::eval
