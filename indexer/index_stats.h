// What an index holds: the numbers `medsearch stats` prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace medsearch {

struct KeyCount {
    std::string key;
    std::size_t count = 0;
};

struct IndexStats {
    std::size_t articles = 0;
    std::size_t passages = 0;
    std::vector<KeyCount> sections;   // passages per section key, most first
    std::vector<KeyCount> sources;    // articles per source, most first
    std::size_t terms = 0;            // distinct terms of every field
    std::size_t body_terms = 0;       // distinct terms of the passage text
    double average_passage_words = 0; // Xapian's average document length over every document
    std::uintmax_t bytes_on_disk = 0;
};

// Throws DatabaseError when there is no index.
IndexStats read_index_stats(const std::filesystem::path& database);

}  // namespace medsearch
