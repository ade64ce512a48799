// `medsearch eval`: runs the topics of an evaluation set through the index and scores the run against the
// qrels the way `trec_eval -c` does, or scores an existing run file without an index.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/engine_flags.h"
#include "cli/number_checks.h"
#include "cli/evaluation_options.h"
#include "eval/open_retriever.h"
#include "eval/qrels.h"
#include "eval/report.h"
#include "eval/run.h"
#include "eval/run_topics.h"
#include "eval/topics.h"

namespace medsearch::cli {

namespace {

struct EvalArguments {
    std::vector<std::string> db;
    std::string topics;
    std::string qrels;
    std::string run;
    bool per_query = false;
    eval::RunOptions retrieval;  // --depth, --conversational, --tag
    EvaluationFlags flags;
    EngineFlags engine;
    std::string unit = "document";
    unsigned threads = 1;  // --threads: retrieval threads, 0 for one per core
};

// One retriever per thread, 0 meaning one per core the machine reports.
unsigned retrieval_threads(unsigned asked) {
    return asked > 0 ? asked : std::max(1U, std::thread::hardware_concurrency());
}

// Retrieves every topic through the index; writes the run when --run names a file.
eval::Run retrieve_run(const EvalArguments& args) {
    // Read the topics first: a malformed file should fail before the index is opened.
    const std::vector<eval::Topic> topics = eval::read_topics(args.topics);
    // One retriever per thread, all opened before the clock starts.
    const EngineOptions options = args.engine.options();
    const RankedUnit unit = args.unit == "passage" ? RankedUnit::passage : RankedUnit::document;
    std::vector<std::unique_ptr<Retriever>> retrievers;
    std::vector<Retriever*> workers;
    const unsigned threads = retrieval_threads(args.threads);
    for (unsigned i = 0; i < threads; ++i) {
        retrievers.push_back(open_retriever(as_paths(args.db), options, unit));
        workers.push_back(retrievers.back().get());
    }

    // Ask every topic.
    const auto start = std::chrono::steady_clock::now();
    eval::Run run = eval::run_topics(topics, workers, args.retrieval);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    std::cerr << "medsearch: " << topics.size() << " topics retrieved in " << std::fixed << std::setprecision(3)
              << elapsed.count() << " s";
    if (workers.size() > 1) std::cerr << " (" << workers.size() << " threads)";
    std::cerr << "\n";

    // Keep the run for trec_eval or `compare`.
    if (!args.run.empty()) {
        eval::save_run(run, args.run);
        std::cerr << "medsearch: run written to " << args.run << "\n";
    }
    return run;
}

int run_eval(const EvalArguments& args) {
    // Read the judgements before the (slow) retrieval so a bad qrels file fails at once.
    const eval::Qrels qrels = eval::read_qrels(args.qrels);
    const eval::Run run = args.db.empty() ? eval::read_run(args.run) : retrieve_run(args);

    // Score and print.
    const eval::Evaluation evaluation = eval::evaluate(qrels, run, args.flags.options());
    if (args.flags.json)
        std::cout << eval::evaluation_to_json(evaluation, args.per_query).dump(2) << "\n";
    else
        std::cout << eval::format_trec_eval(evaluation, args.per_query);
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_eval_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<EvalArguments>();
    CLI::App* command = app.add_subcommand(
        "eval", "Score a run against relevance judgements as trec_eval -c does; with --db, make the run first");
    command->footer(
        "Modes:\n"
        "  eval --qrels FILE --run RUN            score an existing TREC run (ours or anyone's)\n"
        "  eval --db DIR --topics FILE --qrels FILE [--run OUT]\n"
        "                                         ask every topic, optionally write the run, score it\n"
        "Formats (detected from content):\n"
        "  topics: TSV qid<TAB>question | BEIR queries.jsonl {\"_id\",\"text\"} | TREC <top><num><title>\n"
        "  qrels:  TREC qid iter docid grade | BEIR TSV with header query-id corpus-id score\n"
        "  run:    qid Q0 docid rank score tag (ranked by score, ties by docid descending, as trec_eval)\n"
        "Output: trec_eval's lines (name<TAB>all<TAB>value); every qrels topic counts, missing ones as 0.");

    CLI::Option* db = add_index_option(*command, args->db, "Index to search (needs --topics)")->type_name("DIR");
    CLI::Option* topics = command->add_option("--topics", args->topics, "Topics to ask (TSV, BEIR jsonl or TREC)")
                              ->type_name("FILE")
                              ->check(CLI::ExistingFile.description(""));
    command->add_option("--qrels", args->qrels, "Relevance judgements (TREC qrels or BEIR TSV)")
        ->type_name("FILE")
        ->required()
        ->check(CLI::ExistingFile.description(""));
    command->add_option("--run", args->run,
                        "Without --db: the TREC run to score. With --db: where to write the run made")
        ->type_name("FILE");
    command->add_option("-k,--depth", args->retrieval.depth, "Documents retrieved per topic (with --db)")
        ->type_name("N")
        ->capture_default_str()
        ->check(whole_number(1, max_documents_per_topic))
        ->needs(db);
    add_evaluation_flags(*command, args->flags);
    add_engine_flags(*command, args->engine);
    command->add_flag("--per-query", args->per_query,
                      "Also print each topic's values (trec_eval -q lines name<TAB>qid<TAB>value) before the means");
    command->add_flag("--conversational", args->retrieval.conversational,
                      "Topic ids are SESSION_TURN: ask each session's turns in order, each seeing the earlier ones "
                      "(with --db)")
        ->needs(db);
    command->add_option("--unit", args->unit,
                        "What the run ranks (with --db): document (articles; BEIR ids) or passage (what search ranks, named "
                        "<article>_<unit> for MedQuAD's question-answer pairs, else <article>#<ordinal>)")
        ->check(CLI::IsMember({"document", "passage"}))
        ->capture_default_str()
        ->needs(db);
    command->add_option("--threads", args->threads,
                        "Retrieval threads, each with its own handle on the index; 0 for one per core (with --db). "
                        "The run is the same whatever the number")
        ->type_name("N")
        ->capture_default_str()
        ->check(whole_number(0, 256))
        ->needs(db);
    command->add_option("--tag", args->retrieval.tag, "Run tag written in the sixth column (with --db)")
        ->type_name("NAME")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& tag) {
                return tag.empty() || tag.find_first_of(" \t\r\n") != std::string::npos
                           ? std::string("a run tag cannot be empty or contain whitespace")
                           : std::string();
            },
            "", "run tag"))
        ->needs(db);
    db->needs(topics);
    topics->needs(db);

    command->callback([args, &action] {
        // --run is the input without --db and the output with it: the input must exist, the output's folder
        // too (checked now rather than after the retrieval).
        const std::filesystem::path run = args->run;
        if (args->db.empty()) {
            if (run.empty()) throw CLI::RequiredError("--run (the run to score) or --db with --topics");
            if (!std::filesystem::is_regular_file(run))
                throw CLI::ValidationError("--run", "run file not found: " + args->run);
        } else if (!run.empty() && run.has_parent_path() && !std::filesystem::is_directory(run.parent_path())) {
            throw CLI::ValidationError("--run", "folder for the run not found: " + run.parent_path().string());
        }
        action = [args] { return run_eval(*args); };
    });
}

}  // namespace medsearch::cli
