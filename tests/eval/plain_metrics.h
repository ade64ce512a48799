// The metrics written the slow, obvious way, straight from their definitions (as trec_eval documents them),
// to check the one-pass implementation in eval/evaluate.cc against.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "eval/metrics.h"
#include "eval/run.h"

namespace medsearch::eval::test {

// Judgements of one topic: document -> grade.
using PlainJudgments = std::map<std::string, int>;

// One metric for one topic: rank the entries (score descending, then document id descending), keep the first
// max_results, and apply the definition.
double plain_metric(const std::vector<RunEntry>& entries, const PlainJudgments& judgments, const Metric& metric,
                    std::size_t max_results);

// The mean of a metric over every judged topic; topics without entries score 0.
double plain_mean(const std::map<std::string, std::vector<RunEntry>>& run,
                  const std::map<std::string, PlainJudgments>& qrels, const Metric& metric, std::size_t max_results);

}  // namespace medsearch::eval::test
