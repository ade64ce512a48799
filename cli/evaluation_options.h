// Options shared by `eval` and `compare`: which metrics, how deep each ranking counts, JSON output.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include <CLI/CLI.hpp>

#include "eval/evaluate.h"

namespace medsearch::cli {

struct EvaluationFlags {
    std::string metrics{eval::default_metrics_list};
    std::size_t max_per_topic = std::numeric_limits<std::size_t>::max();
    bool json = false;

    // The library options these flags stand for (the metric list was validated when parsed).
    eval::EvaluationOptions options() const;
};

// Declares --metrics (checked by the metric parser), -M/--max-per-topic and --json on the subcommand.
void add_evaluation_flags(CLI::App& command, EvaluationFlags& flags);

}  // namespace medsearch::cli
