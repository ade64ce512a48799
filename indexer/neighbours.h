// Each article's nearest articles, found once at index time and kept in the article document
// (schema::neighbours_slot), so that ranking can let an article's neighbours vouch for it (score
// regularization: a document about the question's topic tends to sit among documents that match it).
// The neighbours of an article are the article documents that best match a query of its own most
// distinctive body words; "nearest" is that query's BM25 score.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace medsearch {

struct Neighbour {
    Xapian::docid document = 0;  // the neighbour's article document
    float similarity = 0;        // its score for the article's query; larger is nearer
    bool operator==(const Neighbour&) const = default;
};

struct NeighbourOptions {
    std::size_t neighbours = 3;      // kept per article (3, 5, 10 measured: 3 best on the tuning sets)
    std::size_t query_terms = 30;  // the article's most distinctive body words that find them (tf-idf)
};

// The slot's bytes: per neighbour its docid and similarity, 4 bytes each, little-endian.
std::string encode_neighbours(const std::vector<Neighbour>& neighbours);
// Throws DatabaseError when the bytes are not a whole number of entries.
std::vector<Neighbour> decode_neighbours(std::string_view bytes);

// The query that finds an article document's neighbours: its `query_terms` body words of highest
// (1 + log wdf) * log(N / df), each weighted by that score relative to the highest. Empty when it has none.
Xapian::Query neighbour_query(const Xapian::Database& database, Xapian::docid article_document, const NeighbourOptions& options);

// The article document's nearest other article documents, nearest first.
std::vector<Neighbour> find_neighbours(const Xapian::Database& database, Xapian::docid article_document,
                                       const NeighbourOptions& options);

}  // namespace medsearch
