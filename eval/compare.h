// Two runs on the same qrels: per-metric means, per-topic wins/ties/losses and paired significance tests.
// Topics are those of the qrels, as in evaluate() (a topic a run lacks scores zero for that run).
#pragma once

#include <cstddef>
#include <vector>

#include "eval/evaluate.h"
#include "eval/significance.h"

namespace medsearch::eval {

struct CompareOptions {
    EvaluationOptions evaluation;
    RandomizationOptions randomization;
};

struct MetricComparison {
    Metric metric;
    double mean_a = 0.0;
    double mean_b = 0.0;
    std::size_t wins = 0;    // topics where run A scores higher
    std::size_t ties = 0;
    std::size_t losses = 0;  // topics where run B scores higher
    double randomization_p = 1.0;  // two-sided paired randomization test
    TTestResult t_test;            // two-sided paired t-test
};

struct Comparison {
    std::size_t num_topics = 0;
    std::vector<MetricComparison> metrics;
};

// Per-topic scores closer than this count as a tie (they differ by rounding only).
inline constexpr double tie_tolerance = 1e-9;

Comparison compare_evaluations(const Evaluation& a, const Evaluation& b, const RandomizationOptions& options);
Comparison compare_runs(const Qrels& qrels, const Run& a, const Run& b, const CompareOptions& options);

}  // namespace medsearch::eval
