// The printed metrics must equal what trec_eval -c prints for the reference runs in ../shared/eval/reference,
// to four decimals, line for line.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <tuple>

#include "eval/evaluate.h"
#include "eval/qrels.h"
#include "eval/report.h"
#include "eval/run.h"
#include "eval/text_input.h"
#include "test_paths.h"

namespace medsearch::eval {
namespace {

using test::shared_eval_dir;

// run file, qrels file (both under shared/eval), trec_eval's output for them.
auto reference_cases() {
    return GENERATE(table<std::string, std::string, std::string>({
        {"reference/scifact.bm25.run", "scifact/qrels.test.txt", "reference/scifact.bm25.trec_eval.txt"},
        {"reference/nfcorpus-dev.bm25.run", "nfcorpus-dev/qrels.txt", "reference/nfcorpus-dev.bm25.trec_eval.txt"},
        {"reference/ties.run", "reference/ties.qrels", "reference/ties.trec_eval.txt"},
    }));
}

TEST_CASE("the default metrics print exactly what trec_eval -c printed", "[eval][reference]") {
    const auto [run_file, qrels_file, expected_file] = reference_cases();
    const auto dir = shared_eval_dir();
    INFO(run_file);
    const Evaluation evaluation = evaluate(read_qrels(dir / qrels_file), read_run(dir / run_file), {});
    CHECK(format_trec_eval(evaluation, false) == read_text_file(dir / expected_file));
}

TEST_CASE("every reference line is reproduced on its own", "[eval][reference]") {
    const auto [run_file, qrels_file, expected_file] = reference_cases();
    const auto dir = shared_eval_dir();
    const std::string expected = read_text_file(dir / expected_file);
    std::istringstream lines(expected);
    std::string line;
    std::size_t checked = 0;
    const Qrels qrels = read_qrels(dir / qrels_file);
    const Run run = read_run(dir / run_file);
    while (std::getline(lines, line)) {
        // "name<spaces>\tall\tvalue": evaluate that one metric alone and print it the same way.
        const std::string name = std::string(trim(line.substr(0, line.find('\t'))));
        INFO(run_file << ": " << name);
        EvaluationOptions options;
        options.metrics = parse_metrics(name);
        REQUIRE(options.metrics.size() == 1);
        const Evaluation evaluation = evaluate(qrels, run, options);
        CHECK(trec_eval_line(name, "all", evaluation.means.front()) == line + "\n");
        ++checked;
    }
    CHECK(checked == 5);
}

TEST_CASE("ties are broken by document id in descending order, as trec_eval does", "[eval][reference]") {
    // q1 scores dA and dB 10.0: trec_eval ranks dB first. Ranked the other way nDCG@10 would be 0.2440,
    // not the reference 0.2264.
    const auto dir = shared_eval_dir();
    const Run run = read_run(dir / "reference/ties.run");
    const std::vector<const RunEntry*> ranked = ranked_entries(run.topics.front().entries);
    REQUIRE(ranked.size() == 5);
    CHECK(ranked[0]->doc_id == "dB");
    CHECK(ranked[1]->doc_id == "dA");
    // q2 lists e1 before e3 but e3 scores higher: the rank column is ignored.
    const std::vector<const RunEntry*> q2 = ranked_entries(run.topics[1].entries);
    CHECK(q2[0]->doc_id == "e3");
}

}  // namespace
}  // namespace medsearch::eval
