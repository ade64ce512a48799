// Paired significance tests for per-topic scores of two systems on the same topics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace medsearch::eval {

struct RandomizationOptions {
    std::size_t permutations = 10000;
    std::uint64_t seed = 20240601;  // fixed so that the same inputs always give the same p-value
};

// Two-sided paired randomization (sign-flip) test of mean(a - b) = 0: the share of sign assignments of the
// per-topic differences whose mean is at least as far from zero as the observed one. When 2^n does not
// exceed the permutation budget every assignment is enumerated and the p-value is exact; otherwise
// `permutations` random assignments (mt19937_64 from `seed`) give (count + 1) / (permutations + 1).
// Identical inputs give 1. a and b must have the same length.
double paired_randomization_p(const std::vector<double>& a, const std::vector<double>& b,
                              const RandomizationOptions& options);

struct TTestResult {
    double t = 0.0;       // mean difference / its standard error (0 when every difference is equal)
    double degrees_of_freedom = 0.0;
    double p = 1.0;       // two-sided
};

// Paired Student t-test of mean(a - b) = 0. With no variance in the differences the test is undefined:
// t = 0 and p = 1 when the mean difference is 0, p = 0 otherwise. Fewer than two topics give p = 1.
TTestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b);

// P(|T| >= |t|) for Student's t with the given degrees of freedom (via the regularized incomplete beta).
double student_t_two_sided_p(double t, double degrees_of_freedom);

// The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1.
double regularized_incomplete_beta(double x, double a, double b);

}  // namespace medsearch::eval
