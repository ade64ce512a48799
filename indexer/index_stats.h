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
    double average_passage_words = 0; // Xapian's average document length over the passages
    double average_article_words = 0; // and over the articles
    std::size_t unlinked_articles = 0;// articles whose nearest articles are not found yet (an interrupted run)
    bool passages_current = true;     // false: a writer stopped between the two databases' commits
    std::uintmax_t bytes_on_disk = 0;
};

// Over one index, or several (indexer/open_index.h) counted as one; bytes_on_disk counts the local shards
// only. Throws DatabaseError when there is no index.
IndexStats read_index_stats(const std::vector<std::filesystem::path>& indexes);
inline IndexStats read_index_stats(const std::filesystem::path& index) { return read_index_stats(std::vector{index}); }

}  // namespace medsearch
