// Focus name sets -> the lines of a synonym file. Sets that name the same focus are merged; two sets are
// also merged when each lists the other's focus (one concept under two titles), unless the merged set
// would grow past the cap. No other merging: an expression shared by unrelated sets would chain them
// into one giant set. A name found in many sets (a broader term such as "Charcot-Marie-Tooth disease"
// listed under each of its types) is kept only where it is the focus.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace medsearch {

struct SetName {
    std::string text;
    std::string key;             // ExpressionKeys::key
    bool focus = false;          // the article's focus (not a synonym of it)
    bool abbreviation = false;   // an abbreviation-like token: ambiguous as soon as two sets hold it
    std::size_t frequency = 0;   // documents of the build corpus that contain it (orders the set)
};

struct SetBuildOptions {
    std::size_t max_set_size = 16;          // names per written set; more frequent names are kept
    std::size_t hub_limit = 3;              // a name in this many sets is a broader term
    std::size_t abbreviation_hub_limit = 2;  // an abbreviation in this many sets is ambiguous
};

struct SetBuildReport {
    std::size_t input_sets = 0;
    std::size_t same_focus_merges = 0;
    std::size_t mutual_merges = 0;
    std::size_t merges_refused = 0;   // would have passed max_set_size
    std::size_t hub_names = 0;        // distinct keys found to be broader terms or ambiguous abbreviations
    std::size_t hub_removals = 0;     // (set, name) pairs removed for that
    std::size_t truncated_sets = 0;   // sets cut to max_set_size
    std::size_t output_sets = 0;
    std::size_t expressions = 0;
};

// The sets to write, each ordered focus names first, then by frequency (most first), then by text; the
// sets sorted by their first name (ASCII case-insensitively). Sets left with fewer than two names are
// dropped. Deterministic for a given input order.
std::vector<std::vector<std::string>> build_synonym_sets(const std::vector<std::vector<SetName>>& sets,
                                                         const SetBuildOptions& options, SetBuildReport& report);

}  // namespace medsearch
