// Whole-number options are checked as text, before CLI11 converts them: CLI11 wraps a number past its
// type's range (`--offset 4294967296` was page 1, `--batch 18446744073709551616` was 0) and checks ranges
// as doubles. Each bound below is a documented limit (README "Limits").
#pragma once

#include <cstdint>

#include <CLI/CLI.hpp>

namespace medsearch::cli {

inline constexpr std::uint64_t max_passages_shown = 10'000;       // search/ask -k, --per-article
inline constexpr std::uint64_t max_count = 1'000'000'000;         // search --offset, index --batch (fits Xapian's 32-bit counts with -k)
inline constexpr std::uint64_t max_documents_per_topic = 100'000'000;  // eval -k, -M; compare --permutations
inline constexpr std::uint64_t max_reference_number = 1'000'000;  // search --cite

// Accepts decimal digits only (no sign, no spaces, no hexadecimal or exponent) naming a number from
// `min` to `max`; otherwise says so with the bounds.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

}  // namespace medsearch::cli
