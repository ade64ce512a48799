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
    std::string article;   // the neighbour's article id
    float similarity = 0;  // its score for the article's query; larger is nearer
    bool operator==(const Neighbour&) const = default;
};

struct NeighbourOptions {
    std::size_t neighbours = 3;      // kept per article (3, 5, 10 measured: 3 best on the tuning sets)
    std::size_t query_terms = 30;  // the article's most distinctive body words that find them (tf-idf)
};

// The slot's bytes: per neighbour the id's length (4 bytes), the id, and the similarity (4 bytes, the
// float's bits), little-endian.
std::string encode_neighbours(const std::vector<Neighbour>& neighbours);
// Throws DatabaseError when the bytes are not a whole number of entries.
std::vector<Neighbour> decode_neighbours(std::string_view bytes);

// The query that finds an article document's neighbours in the articles database: its `query_terms` body
// words of highest (1 + log wdf) * log(N / df), each weighted by that score relative to the highest. Empty
// when it has none.
Xapian::Query neighbour_query(const Xapian::Database& articles, Xapian::docid article_document, const NeighbourOptions& options);

struct FoundNeighbours {
    std::vector<Neighbour> nearest;           // nearest first
    std::vector<Xapian::docid> documents;     // their article documents, in the same order
};

// The article document's nearest other article documents; equal similarities in article id order.
FoundNeighbours find_neighbours(const Xapian::Database& articles, Xapian::docid article_document, const NeighbourOptions& options);

}  // namespace medsearch
