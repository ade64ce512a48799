// An Evaluation as text: trec_eval's own layout (so scripts written for trec_eval read ours) or JSON for
// programs. Formatting only; the CLI decides where it goes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "eval/compare.h"
#include "eval/evaluate.h"

namespace medsearch::eval {

// Lines `printf("%-22s\t%s\t%.4f\n", name, topic, value)` with numbers written the same in every locale.
// With per_query, trec_eval -q's lines (every qrels topic, each metric) come first; then the `all` lines.
std::string format_trec_eval(const Evaluation& evaluation, bool per_query);

// {"metrics": [names], "num_topics": N, "num_topics_in_run": M, "all": {name: mean},
//  "per_query": {topic: {name: value}}} with keys in print order; per_query only when asked. Values are
// unrounded.
nlohmann::ordered_json evaluation_to_json(const Evaluation& evaluation, bool per_query);

// One trec_eval line: the name padded to 22 columns, a tab, the topic (or "all"), a tab, 4 decimals.
std::string trec_eval_line(const std::string& name, const std::string& topic, double value);

// A table: one row per metric with both means, A - B, topics where A wins / ties / loses, and the p-values
// of the paired randomization test and the paired t-test. `label_a` and `label_b` name the runs.
std::string format_comparison(const Comparison& comparison, const std::string& label_a, const std::string& label_b,
                              const RandomizationOptions& randomization);

// {"run_a", "run_b", "num_topics", "permutations", "seed", "metrics": [{"metric", "mean_a", "mean_b", "wins",
//  "ties", "losses", "p_randomization", "t", "p_t"}]}.
nlohmann::ordered_json comparison_to_json(const Comparison& comparison, const std::string& label_a,
                                          const std::string& label_b, const RandomizationOptions& randomization);

}  // namespace medsearch::eval
