#include "eval/significance.h"

#include <cmath>
#include <limits>
#include <random>

#include "common/errors.h"

namespace medsearch::eval {

namespace {

std::vector<double> differences(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) throw Error("paired test: the two score lists differ in length");
    std::vector<double> d(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
    return d;
}

// The continued fraction of the incomplete beta function, evaluated by the modified Lentz method; valid
// (fast to converge) for x < (a + 1) / (a + b + 2).
double incomplete_beta_fraction(double x, double a, double b) {
    constexpr double tiny = 1e-300;
    constexpr double epsilon = 1e-15;
    const auto clamp = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
    // K = 1 + d1 / (1 + d2 / (1 + ...)); returns 1 / K.
    double c = 1.0;
    double d = 0.0;
    double k = 1.0;
    for (int m = 0; m < 10000; ++m) {
        for (int odd = 1; odd >= 0; --odd) {
            // d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)); d_{2m+2} = (m+1)(b-m-1)x / ((a+2m+1)(a+2m+2))
            const double mm = static_cast<double>(m);
            const double term = odd ? -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
                                    : (mm + 1) * (b - mm - 1) * x / ((a + 2 * mm + 1) * (a + 2 * mm + 2));
            d = 1.0 / clamp(1.0 + term * d);
            c = clamp(1.0 + term / c);
            const double delta = c * d;
            k *= delta;
            if (std::fabs(delta - 1.0) < epsilon) return 1.0 / k;
        }
    }
    return 1.0 / k;
}

}  // namespace

double regularized_incomplete_beta(double x, double a, double b) {
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    // Use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
    if (x > (a + 1.0) / (a + b + 2.0)) return 1.0 - regularized_incomplete_beta(1.0 - x, b, a);
    const double log_front = a * std::log(x) + b * std::log1p(-x) - std::log(a) -
                             (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b));
    return std::exp(log_front) * incomplete_beta_fraction(x, a, b);
}

double student_t_two_sided_p(double t, double degrees_of_freedom) {
    if (!std::isfinite(t)) return 0.0;
    return regularized_incomplete_beta(degrees_of_freedom / (degrees_of_freedom + t * t), degrees_of_freedom / 2.0,
                                       0.5);
}

TTestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b) {
    const std::vector<double> d = differences(a, b);
    TTestResult result;
    if (d.size() < 2) return result;
    const double n = static_cast<double>(d.size());
    double mean = 0.0;
    for (const double x : d) mean += x;
    mean /= n;
    double squares = 0.0;
    for (const double x : d) squares += (x - mean) * (x - mean);
    const double standard_error = std::sqrt(squares / (n - 1.0) / n);
    result.degrees_of_freedom = n - 1.0;
    if (standard_error <= std::numeric_limits<double>::epsilon() * std::fabs(mean) || standard_error == 0.0) {
        // No spread at all: equal means are certain, unequal ones certainly differ.
        result.t = 0.0;
        result.p = std::fabs(mean) > 0.0 ? 0.0 : 1.0;
        return result;
    }
    result.t = mean / standard_error;
    result.p = student_t_two_sided_p(result.t, result.degrees_of_freedom);
    return result;
}

double paired_randomization_p(const std::vector<double>& a, const std::vector<double>& b,
                              const RandomizationOptions& options) {
    const std::vector<double> d = differences(a, b);
    double observed = 0.0;
    double magnitude = 0.0;
    for (const double x : d) {
        observed += x;
        magnitude += std::fabs(x);
    }
    observed = std::fabs(observed);
    // Sums of the same numbers in other sign patterns differ from the observed one by rounding only.
    const double tolerance = 1e-10 * (1.0 + magnitude);
    const auto as_extreme = [&](auto sign_of) {
        double sum = 0.0;
        for (std::size_t i = 0; i < d.size(); ++i) sum += sign_of(i) ? -d[i] : d[i];
        return std::fabs(sum) >= observed - tolerance;
    };

    const std::size_t n = d.size();
    if (n < 63 && (std::uint64_t{1} << n) <= options.permutations) {
        // Few topics: enumerate every sign assignment for the exact p-value.
        const std::uint64_t assignments = std::uint64_t{1} << n;
        std::uint64_t count = 0;
        for (std::uint64_t mask = 0; mask < assignments; ++mask)
            count += as_extreme([mask](std::size_t i) { return ((mask >> i) & 1U) != 0; }) ? 1 : 0;
        return static_cast<double>(count) / static_cast<double>(assignments);
    }

    // Raw generator bits, not a distribution object, so the p-value is the same with every standard library.
    std::mt19937_64 generator(options.seed);
    std::vector<std::uint64_t> words((n + 63) / 64);
    std::uint64_t count = 0;
    for (std::size_t p = 0; p < options.permutations; ++p) {
        for (std::uint64_t& word : words) word = generator();
        count += as_extreme([&words](std::size_t i) { return ((words[i / 64] >> (i % 64)) & 1U) != 0; }) ? 1 : 0;
    }
    return static_cast<double>(count + 1) / static_cast<double>(options.permutations + 1);
}

}  // namespace medsearch::eval
