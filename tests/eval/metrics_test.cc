// Each metric on small hand-computed cases, and the one-pass implementation against the plain one on
// random runs full of ties, unjudged documents and missing topics.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "eval/evaluate.h"
#include "eval/text_input.h"
#include "plain_metrics.h"

namespace medsearch::eval {
namespace {

constexpr std::size_t all_results = std::numeric_limits<std::size_t>::max();

// "d1:2 d2:0" -> judgements of topic t.
Qrels qrels_of(const std::string& judgments) {
    std::string text;
    for (const std::string_view item : split_whitespace(judgments)) {
        const std::size_t colon = item.find(':');
        text += "t 0 " + std::string(item.substr(0, colon)) + " " + std::string(item.substr(colon + 1)) + "\n";
    }
    return parse_qrels(text, "case.qrels");
}

// "d1:3.0 d2:2.5" -> run of topic t.
Run run_of(const std::string& results) {
    Run run{{{"t", {}}}, "case"};
    for (const std::string_view item : split_whitespace(results)) {
        const std::size_t colon = item.find(':');
        run.topics.front().entries.push_back(
            {std::string(item.substr(0, colon)), parse_number(item.substr(colon + 1)).value()});
    }
    return run;
}

test::PlainJudgments plain_judgments(const Qrels& qrels) {
    const auto& grades = qrels.topics.begin()->second.grades;
    return {grades.begin(), grades.end()};
}

double log2(double x) { return std::log2(x); }

TEST_CASE("each metric on hand-computed cases", "[eval][metrics]") {
    // Qrels "d1:2 d2:0 d3:1 d4:1": three relevant documents, ideal gains 2, 1, 1.
    const std::string judged = "d1:2 d2:0 d3:1 d4:1";
    const double ideal3 = 2 + 1 / log2(3) + 1 / log2(4);
    const auto [judgments, results, metric, expected] = GENERATE_COPY(table<std::string, std::string, std::string, double>({
        // Ranked d1 (2), dx (not judged), d3 (1), d2 (0).
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "map", (1.0 / 1 + 2.0 / 3) / 3},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "recip_rank", 1.0},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "P.2", 1.0 / 2},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "P.5", 2.0 / 5},  // past the end: missing ranks count as not relevant
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "recall.2", 1.0 / 3},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "recall.10", 2.0 / 3},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "success.1", 1.0},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "ndcg_cut.1", 1.0},
        {judged, "d1:3 dx:2.5 d3:2 d2:1", "ndcg_cut.3", (2 / log2(2) + 1 / log2(4)) / ideal3},
        // d3 and d4 tie at 1: d4 ranks first (descending id), then d3, then d1.
        {judged, "d3:1 d4:1 d1:0.5", "ndcg_cut.1", 1.0 / 2},
        {judged, "d3:1 d4:1 d1:0.5", "ndcg_cut.3", (1 + 1 / log2(3) + 2 / log2(4)) / ideal3},
        {judged, "d3:1 d4:1 d1:0.5", "map", 1.0},
        // Nothing relevant retrieved.
        {judged, "d2:5 dx:4", "map", 0.0},
        {judged, "d2:5 dx:4", "recip_rank", 0.0},
        {judged, "d2:5 dx:4", "ndcg_cut.10", 0.0},
        {judged, "d2:5 dx:4", "success.5", 0.0},
        // The first relevant document at rank 3.
        {judged, "dx:5 dy:4 d4:3", "recip_rank", 1.0 / 3},
        {judged, "dx:5 dy:4 d4:3", "success.2", 0.0},
        {judged, "dx:5 dy:4 d4:3", "success.3", 1.0},
        {judged, "dx:5 dy:4 d4:3", "P.3", 1.0 / 3},
        {judged, "dx:5 dy:4 d4:3", "map", (1.0 / 3) / 3},
        {judged, "dx:5 dy:4 d4:3", "ndcg_cut.5", (1 / log2(4)) / ideal3},
        // A topic whose judged documents are all not relevant scores 0 everywhere.
        {"d2:0 d5:0", "d2:5 d5:4", "map", 0.0},
        {"d2:0 d5:0", "d2:5 d5:4", "recall.5", 0.0},
        {"d2:0 d5:0", "d2:5 d5:4", "ndcg_cut.5", 0.0},
        // A negative grade (in the pool, unjudged) is not relevant and has no gain.
        {"d1:-1 d2:1", "d1:2 d2:1", "recip_rank", 1.0 / 2},
        {"d1:-1 d2:1", "d1:2 d2:1", "ndcg_cut.2", (1 / log2(3)) / 1},
    }));
    INFO(results << " judged " << judgments << ": " << metric);
    const Qrels qrels = qrels_of(judgments);
    const Run run = run_of(results);
    EvaluationOptions options;
    options.metrics = parse_metrics(metric);
    const Evaluation evaluation = evaluate(qrels, run, options);
    CHECK(evaluation.means.front() == Approx(expected).margin(1e-12));
    CHECK(test::plain_metric(run.topics.front().entries, plain_judgments(qrels), options.metrics.front(), all_results) ==
          Approx(expected).margin(1e-12));
}

TEST_CASE("topics missing from the run count zero, run topics without judgements are ignored", "[eval][metrics]") {
    const Qrels qrels = parse_qrels("a 0 d1 1\nb 0 d2 1\nc 0 d3 0\n", "three.qrels");
    const Run run = parse_run("a Q0 d1 1 1.0 r\nz Q0 d9 1 1.0 r\n", "one.run");
    const Evaluation evaluation = evaluate(qrels, run, {});
    REQUIRE(evaluation.topics.size() == 3);
    CHECK(evaluation.topics[0].in_run);
    CHECK_FALSE(evaluation.topics[1].in_run);
    // map of topic a is 1, averaged over the three qrels topics.
    CHECK(evaluation.means[0] == Approx(1.0 / 3));
}

TEST_CASE("max_results_per_topic (trec_eval -M) keeps only the first N ranked documents", "[eval][metrics]") {
    const Qrels qrels = qrels_of("d1:1 d2:1");
    const Run run = run_of("d1:3 dx:2 d2:1");
    EvaluationOptions options;
    options.metrics = parse_metrics("map,recall.10");
    options.max_results_per_topic = 2;
    const Evaluation evaluation = evaluate(qrels, run, options);
    CHECK(evaluation.means[0] == Approx(0.5));  // d2 at rank 3 is cut off
    CHECK(evaluation.means[1] == Approx(0.5));
}

// A random evaluation set: graded and unjudged documents, many tied scores, topics the run lacks and run
// topics the qrels lack.
struct RandomSet {
    std::map<std::string, std::vector<RunEntry>> run;
    std::map<std::string, test::PlainJudgments> qrels;

    Run as_run() const {
        Run result{{}, "random"};
        for (const auto& [topic_id, entries] : run) result.topics.push_back({topic_id, entries});
        return result;
    }
    Qrels as_qrels() const {
        std::string text;
        for (const auto& [topic_id, judgments] : qrels)
            for (const auto& [doc_id, grade] : judgments) text += topic_id + " 0 " + doc_id + " " + std::to_string(grade) + "\n";
        return parse_qrels(text, "random.qrels");
    }
};

RandomSet random_set(unsigned seed) {
    std::mt19937 random(seed);
    const auto below = [&](unsigned n) { return static_cast<int>(random() % n); };
    RandomSet set;
    for (int t = 0; t < 120; ++t) {
        const std::string topic = "t" + std::to_string(t);
        if (t % 10 != 9) {  // every tenth topic has no judgements
            auto& judgments = set.qrels[topic];
            for (int d = 0; d < 40; ++d)
                if (below(3) == 0) judgments["d" + std::to_string(d)] = below(5) - 1;  // -1 .. 3
            if (judgments.empty()) judgments["d0"] = 0;
        }
        if (t % 7 == 3) continue;  // the run lacks these topics
        auto& entries = set.run[topic];
        for (int d = 0; d < 40; ++d)
            if (below(2) == 0) entries.push_back({"d" + std::to_string(d), below(8) / 2.0});  // many ties
    }
    return set;
}

TEST_CASE("the one-pass metrics equal the plain definitions on random runs", "[eval][metrics]") {
    const unsigned seed = GENERATE(1u, 2u, 3u);
    // values<>: the generator keeps the numbers (GENERATE(all_results, ...) returned a reference into a
    // temporary of Catch's generate(), which AddressSanitizer reported as a use after return).
    const std::size_t max_results = GENERATE(values<std::size_t>({all_results, 3, 12}));
    const RandomSet set = random_set(seed);
    EvaluationOptions options;
    options.metrics = parse_metrics("map,recip_rank,P.1,2,3,5,10,50,recall.1,5,20,100,ndcg_cut.1,3,10,1000,success.1,2,10");
    options.max_results_per_topic = max_results;
    const Evaluation evaluation = evaluate(set.as_qrels(), set.as_run(), options);

    REQUIRE(evaluation.topics.size() == set.qrels.size());
    for (std::size_t m = 0; m < options.metrics.size(); ++m) {
        INFO("seed " << seed << ", max " << max_results << ", " << metric_name(options.metrics[m]));
        CHECK(evaluation.means[m] == Approx(test::plain_mean(set.run, set.qrels, options.metrics[m], max_results)).margin(1e-12));
        for (const TopicEvaluation& topic : evaluation.topics) {
            const auto entries = set.run.find(topic.topic_id);
            const double plain = entries == set.run.end()
                                     ? 0.0
                                     : test::plain_metric(entries->second, set.qrels.at(topic.topic_id),
                                                          options.metrics[m], max_results);
            CHECK(topic.values[m] == Approx(plain).margin(1e-12));
        }
    }
}

TEST_CASE("metrics for a followup-sized set take milliseconds", "[eval][metrics]") {
    // 3,893 topics x 1,000 documents, as `eval` on followup-dev produces.
    Run run{{}, "big"};
    std::string qrels_text;
    for (int t = 0; t < 3893; ++t) {
        TopicRun topic{"S" + std::to_string(t), {}};
        for (int d = 0; d < 1000; ++d) topic.entries.push_back({"p" + std::to_string(t * 7 + d), 1000.0 - d});
        run.topics.push_back(std::move(topic));
        for (int d = 0; d < 4; ++d) qrels_text += "S" + std::to_string(t) + " 0 p" + std::to_string(t * 7 + d * 13) + " 1\n";
    }
    const Qrels qrels = parse_qrels(qrels_text, "big.qrels");
    const auto start = std::chrono::steady_clock::now();
    const Evaluation evaluation = evaluate(qrels, run, {});
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    CHECK(evaluation.topics.size() == 3893);
    CHECK(evaluation.means[0] > 0);
    INFO("evaluate: 3,893 topics x 1,000 documents in " << elapsed.count() * 1000 << " ms");
    CHECK(elapsed.count() < 2.0);  // generous for sanitizer builds; typically tens of milliseconds
}

}  // namespace
}  // namespace medsearch::eval
