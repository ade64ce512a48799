// Scores a run against qrels as `trec_eval -c` does: every topic of the qrels is averaged, a topic the run
// lacks scores zero, run topics without judgements are ignored, grade >= 1 is relevant, each topic's
// documents are ranked by score with ties broken by document id in descending byte order (the run's rank
// column is ignored). One pass over each topic's ranking computes every metric with hash lookups of the
// judgements, so the cost is linear in the size of the run (plus a sort for topics not in score order).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "eval/metrics.h"
#include "eval/qrels.h"
#include "eval/run.h"

namespace medsearch::eval {

struct EvaluationOptions {
    std::vector<Metric> metrics = parse_metrics(default_metrics_list);
    // trec_eval -M: only the first this many documents of each topic count (trec_eval's default: all).
    std::size_t max_results_per_topic = std::numeric_limits<std::size_t>::max();
};

struct TopicEvaluation {
    std::string topic_id;
    bool in_run = false;         // false: the run has nothing for this topic, every value is 0
    std::vector<double> values;  // one per metric, in Evaluation::metrics order
};

struct Evaluation {
    std::vector<Metric> metrics;
    std::vector<TopicEvaluation> topics;  // every qrels topic, in qrels order (byte order of ids)
    std::vector<double> means;            // one per metric: the sum over topics / number of qrels topics
};

Evaluation evaluate(const Qrels& qrels, const Run& run, const EvaluationOptions& options);

// The relevance of each ranked document, in rank order: its grade, or -1 when it was never judged.
std::vector<int> relevance_list(const TopicRun& topic, const TopicJudgments& judgments,
                                std::size_t max_results);

// Every metric for one topic from its relevance list (as relevance_list gives it).
std::vector<double> score_topic(const std::vector<int>& relevance, const TopicJudgments& judgments,
                                const std::vector<Metric>& metrics);

}  // namespace medsearch::eval
