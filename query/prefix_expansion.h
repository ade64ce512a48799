// "leuko*": a prefix becomes the index's own terms that start with it, the most used first and bounded, so
// that a short prefix cannot turn one word of a question into thousands.
#pragma once

#include <cstddef>

#include <xapian.h>

#include "query/question.h"

namespace medsearch {

inline constexpr std::size_t max_prefix_expansions = 30;

// Fills Concept::expansions of every prefix concept from the database's body terms (no field prefix: the
// analyzer's stems and words), at most `limit` of them, those in the most documents first.
void expand_prefixes(Question& question, const Xapian::Database& database, std::size_t limit = max_prefix_expansions);

}  // namespace medsearch
