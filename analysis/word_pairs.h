// Neighbouring words as one term: phrase evidence that costs what a word costs. "febrile neutropenia",
// "white blood cell count", "risk of death" (the stopword between them skipped) match as pairs of stems
// where the words stand together, instead of a positional phrase or proximity search, which cost up to
// 19x the query time (benchmarks/results/features.md). Documents and questions cut pairs through this
// one function, so both sides always agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// A term at its word position (Token::position), in reading order.
struct PositionedTerm {
    std::string_view term;
    std::uint32_t position = 0;
};

// Words at most this many positions apart make a pair: neighbours, or one stopword between them.
inline constexpr std::uint32_t kPairMaxGap = 2;

// "first second" for each two consecutive terms no more than kPairMaxGap positions apart, in order.
std::vector<std::string> adjacent_pairs(const std::vector<PositionedTerm>& terms);

}  // namespace medsearch
