// compare: wins/ties/losses and the paired tests on tiny cases whose answers are known.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "eval/compare.h"
#include "eval/qrels.h"
#include "eval/run.h"
#include "eval/significance.h"

namespace medsearch::eval {
namespace {

TEST_CASE("identical runs: every topic ties and p = 1", "[eval][compare]") {
    const Qrels qrels = parse_qrels("1 0 a 1\n2 0 b 1\n3 0 c 2\n", "q");
    const Run run = parse_run("1 Q0 a 1 1 r\n1 Q0 x 2 0.5 r\n2 Q0 x 1 1 r\n2 Q0 b 2 0.5 r\n", "r");
    const Comparison comparison = compare_runs(qrels, run, run, {});
    CHECK(comparison.num_topics == 3);
    REQUIRE(comparison.metrics.size() == 5);
    for (const MetricComparison& row : comparison.metrics) {
        INFO(metric_name(row.metric));
        CHECK(row.mean_a == row.mean_b);
        CHECK(row.ties == 3);
        CHECK(row.wins == 0);
        CHECK(row.losses == 0);
        CHECK(row.randomization_p == 1.0);
        CHECK(row.t_test.p == 1.0);
    }
}

TEST_CASE("wins, ties and losses count topics where A is better, equal, worse", "[eval][compare]") {
    const Qrels qrels = parse_qrels("1 0 a 1\n2 0 b 1\n3 0 c 1\n", "q");
    // A finds a at rank 1 and b at rank 2; B finds a at rank 2 and b at rank 1; neither finds c.
    const Run a = parse_run("1 Q0 a 1 2 A\n1 Q0 x 2 1 A\n2 Q0 x 1 2 A\n2 Q0 b 2 1 A\n", "a");
    const Run b = parse_run("1 Q0 x 1 2 B\n1 Q0 a 2 1 B\n2 Q0 b 1 2 B\n2 Q0 y 2 1 B\n", "b");
    CompareOptions options;
    options.evaluation.metrics = parse_metrics("recip_rank");
    const MetricComparison row = compare_runs(qrels, a, b, options).metrics.front();
    CHECK(row.wins == 1);
    CHECK(row.losses == 1);
    CHECK(row.ties == 1);
    CHECK(row.mean_a == Approx(row.mean_b));
    // Differences +0.5, -0.5, 0 sum to 0: every sign assignment is as extreme, so p = 1.
    CHECK(row.randomization_p == 1.0);
}

TEST_CASE("the randomization test is exact for few topics", "[eval][compare]") {
    const auto [a, b, p] = GENERATE(table<std::vector<double>, std::vector<double>, double>({
        // Differences 1, 1, 1: only the all-plus and all-minus assignments reach |sum| = 3: 2 / 8.
        {{1, 1, 1}, {0, 0, 0}, 2.0 / 8},
        // Differences 1, 2, 3: |sum| >= 6 only for +++ and ---; 2 / 8.
        {{1, 2, 3}, {0, 0, 0}, 2.0 / 8},
        // Differences 1, 1, 2: only +++ and --- reach |sum| = 4: 2 / 8.
        {{1, 1, 2}, {0, 0, 0}, 2.0 / 8},
        // Differences 3, 1, -1 (quarters): observed 3; the eight sums are +-5, +-3, +-3, +-1: 6 of 8 reach 3.
        {{0.75, 0.25, 0}, {0, 0, 0.25}, 6.0 / 8},
        // Ten equal differences: 2 / 1024.
        {std::vector<double>(10, 0.6), std::vector<double>(10, 0.1), 2.0 / 1024},
    }));
    CHECK(paired_randomization_p(a, b, {}) == Approx(p).epsilon(1e-12));
}

TEST_CASE("the sampled randomization test is reproducible and close to the exact one", "[eval][compare]") {
    // Twenty topics: 2^20 assignments exceed 10,000 permutations, so the test samples.
    std::vector<double> a;
    std::vector<double> b;
    for (int i = 0; i < 20; ++i) {
        a.push_back(0.5 + 0.02 * (i % 5));
        b.push_back(0.5 + 0.01 * (i % 7));
    }
    const double sampled = paired_randomization_p(a, b, {});
    CHECK(sampled == paired_randomization_p(a, b, {}));  // fixed seed
    RandomizationOptions exact;
    exact.permutations = std::size_t{1} << 20;  // enough to enumerate all assignments
    CHECK(sampled == Approx(paired_randomization_p(a, b, exact)).margin(0.02));
    CHECK(sampled > 0.0);
    CHECK(sampled < 1.0);
}

TEST_CASE("the t distribution and the paired t-test give textbook values", "[eval][compare]") {
    const auto [t, df, p] = GENERATE(table<double, double, double>({
        {1.0, 1.0, 0.5},             // Cauchy: P(|T| > 1) = 1/2
        {0.0, 7.0, 1.0},
        {2.0, 10.0, 0.0733880348},   // Student's t, by numerical integration
        {2.228138852, 10.0, 0.05},   // the 5% critical value at 10 degrees of freedom
        {1.959963985, 1e7, 0.05},    // tends to the normal
        {-3.0, 4.0, 0.0399419681},
    }));
    CHECK(student_t_two_sided_p(t, df) == Approx(p).epsilon(1e-6));
}

TEST_CASE("the paired t-test on a small case", "[eval][compare]") {
    // Differences 1, 2, 3, 4: mean 2.5, sd 1.2910, se 0.6455, t = 3.8730 with 3 df, p = 0.0305.
    const TTestResult result = paired_t_test({2, 4, 6, 8}, {1, 2, 3, 4});
    CHECK(result.t == Approx(3.872983346));
    CHECK(result.degrees_of_freedom == 3.0);
    CHECK(result.p == Approx(0.0304662917).epsilon(1e-6));
    // No spread: equal means are certain ties, constant non-zero differences certainly differ.
    CHECK(paired_t_test({1, 1}, {1, 1}).p == 1.0);
    CHECK(paired_t_test({2, 2, 2}, {1, 1, 1}).p == 0.0);
}

TEST_CASE("the regularized incomplete beta function", "[eval][compare]") {
    const auto [x, a, b, expected] = GENERATE(table<double, double, double, double>({
        {0.0, 2.0, 3.0, 0.0},
        {1.0, 2.0, 3.0, 1.0},
        {0.5, 1.0, 1.0, 0.5},           // uniform
        {0.3, 2.0, 1.0, 0.09},          // I_x(2, 1) = x^2
        {0.3, 1.0, 2.0, 0.51},          // I_x(1, 2) = 1 - (1-x)^2
        {0.5, 0.5, 0.5, 0.5},           // arcsine, symmetric
        {0.25, 0.5, 0.5, 1.0 / 3.0},    // (2/pi) asin(sqrt(x)) = 1/3 at x = 1/4
    }));
    CHECK(regularized_incomplete_beta(x, a, b) == Approx(expected).margin(1e-12));
}

}  // namespace
}  // namespace medsearch::eval
