// `medsearch compare`: two runs on the same qrels, metric by metric: both means, per-topic wins, ties and
// losses, and paired significance tests (randomization with a fixed seed, and t-test).
#include <iostream>
#include <limits>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/evaluation_options.h"
#include "cli/number_checks.h"
#include "eval/compare.h"
#include "eval/qrels.h"
#include "eval/report.h"
#include "eval/run.h"

namespace medsearch::cli {

namespace {

struct CompareArguments {
    std::string run_a;
    std::string run_b;
    std::string qrels;
    eval::RandomizationOptions randomization;
    EvaluationFlags flags;
};

int run_compare(const CompareArguments& args) {
    // Read everything.
    const eval::Qrels qrels = eval::read_qrels(args.qrels);
    const eval::Run run_a = eval::read_run(args.run_a);
    const eval::Run run_b = eval::read_run(args.run_b);

    // Score both on every qrels topic and test the per-topic differences.
    eval::CompareOptions options;
    options.evaluation = args.flags.options();
    options.randomization = args.randomization;
    const eval::Comparison comparison = eval::compare_runs(qrels, run_a, run_b, options);

    if (args.flags.json)
        std::cout << eval::comparison_to_json(comparison, args.run_a, args.run_b, args.randomization).dump(2) << "\n";
    else
        std::cout << eval::format_comparison(comparison, args.run_a, args.run_b, args.randomization);
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_compare_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<CompareArguments>();
    CLI::App* command = app.add_subcommand(
        "compare", "Compare two TREC runs on the same qrels: means, per-topic wins/ties/losses, paired tests");
    command->footer(
        "Every topic of the qrels counts (a topic a run lacks scores 0), as in `eval`. A>B counts topics where\n"
        "RUN_A scores higher. p_rand: two-sided paired randomization test (exact when 2^topics <= permutations);\n"
        "p_t: two-sided paired t-test.");
    command->add_option("RUN_A", args->run_a, "First run (TREC format)")
        ->type_name("FILE")
        ->required()->check(CLI::ExistingFile.description(""));
    command->add_option("RUN_B", args->run_b, "Second run (TREC format)")
        ->type_name("FILE")
        ->required()->check(CLI::ExistingFile.description(""));
    command->add_option("--qrels", args->qrels, "Relevance judgements (TREC qrels or BEIR TSV)")
        ->type_name("FILE")
        ->required()
        ->check(CLI::ExistingFile.description(""));
    add_evaluation_flags(*command, args->flags);
    command->add_option("--permutations", args->randomization.permutations, "Randomization test permutations")
        ->type_name("N")
        ->capture_default_str()
        ->check(whole_number(1, max_documents_per_topic));
    command->add_option("--seed", args->randomization.seed, "Randomization test seed (fixed: same input, same p)")
        ->type_name("N")
        ->capture_default_str()
        ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()));
    command->callback([args, &action] { action = [args] { return run_compare(*args); }; });
}

}  // namespace medsearch::cli
