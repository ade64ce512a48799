#include "cli/evaluation_options.h"

#include "cli/number_checks.h"

namespace medsearch::cli {

eval::EvaluationOptions EvaluationFlags::options() const {
    eval::EvaluationOptions options;
    options.metrics = eval::parse_metrics(metrics);
    options.max_results_per_topic = max_per_topic;
    return options;
}

void add_evaluation_flags(CLI::App& command, EvaluationFlags& flags) {
    const CLI::Validator metric_list(
        [](std::string& list) { return eval::check_metrics_list(list); }, "", "trec_eval measure names");
    command
        .add_option("--metrics", flags.metrics,
                    "Comma-separated trec_eval measures: " + eval::known_measure_names() +
                        " with cut-offs as ndcg_cut.10, P.5,10 (printed as ndcg_cut_10, P_5, P_10); default " +
                        std::string(eval::default_metrics_list))
        ->type_name("LIST")
        ->check(metric_list);
    command
        .add_option("-M,--max-per-topic", flags.max_per_topic,
                    "Count only the first N documents of each topic, like trec_eval -M (default: all)")
        ->type_name("N")
        ->check(whole_number(1, max_documents_per_topic));
    command.add_flag("--json", flags.json, "Print JSON for programs instead of trec_eval's lines");
}

}  // namespace medsearch::cli
