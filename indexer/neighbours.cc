#include "indexer/neighbours.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "common/errors.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

void put_u32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::uint32_t get_u32(std::string_view bytes) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    return value;
}

}  // namespace

std::string encode_neighbours(const std::vector<Neighbour>& neighbours) {
    std::string bytes;
    for (const Neighbour& neighbour : neighbours) {
        put_u32(bytes, static_cast<std::uint32_t>(neighbour.article.size()));
        bytes += neighbour.article;
        std::uint32_t bits = 0;
        std::memcpy(&bits, &neighbour.similarity, sizeof bits);
        put_u32(bytes, bits);
    }
    return bytes;
}

std::vector<Neighbour> decode_neighbours(std::string_view bytes) {
    std::vector<Neighbour> neighbours;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 4) throw DatabaseError("a neighbour list ends inside an entry");
        const std::uint32_t length = get_u32(bytes.substr(at, 4));
        at += 4;
        if (bytes.size() - at < std::size_t{length} + 4) throw DatabaseError("a neighbour list ends inside an entry");
        Neighbour neighbour;
        neighbour.article = std::string(bytes.substr(at, length));
        at += length;
        const std::uint32_t bits = get_u32(bytes.substr(at, 4));
        at += 4;
        std::memcpy(&neighbour.similarity, &bits, sizeof bits);
        neighbours.push_back(std::move(neighbour));
    }
    return neighbours;
}

Xapian::Query neighbour_query(const Xapian::Database& database, Xapian::docid article_document, const NeighbourOptions& options) {
    // Score every body word of the article.
    const double documents = database.get_doccount();
    std::vector<std::pair<double, std::string>> scored;
    for (auto term = database.termlist_begin(article_document); term != database.termlist_end(article_document); ++term) {
        const std::string& word = *term;
        if (!schema::is_body_term(word)) continue;
        const double frequency = term.get_termfreq();
        if (frequency <= 0) continue;
        const double score = (1.0 + std::log(static_cast<double>(term.get_wdf()))) * std::log(documents / frequency);
        if (score > 0) scored.emplace_back(score, word);
    }
    if (scored.empty()) return {};

    // Keep the best, ties by term so the query is the same on every run.
    const std::size_t keep = std::min(scored.size(), options.query_terms);
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<Xapian::Query> clauses;
    const double best = scored.front().first;
    for (std::size_t i = 0; i < keep; ++i)
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(scored[i].second), scored[i].first / best);
    return Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
}

FoundNeighbours find_neighbours(const Xapian::Database& articles, Xapian::docid article_document, const NeighbourOptions& options) {
    FoundNeighbours found;
    const Xapian::Query query = neighbour_query(articles, article_document, options);
    if (query.empty() || options.neighbours == 0) return found;

    // The best article documents for it, the article itself aside; equal scores by article id, so the
    // lists do not depend on the order articles were added in.
    Xapian::Enquire enquire(articles);
    enquire.set_query(query);
    enquire.set_sort_by_relevance_then_value(schema::article_slot, false);
    const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(options.neighbours + 1));
    for (auto match = matches.begin(); match != matches.end() && found.nearest.size() < options.neighbours; ++match) {
        if (*match == article_document) continue;
        found.nearest.push_back({match.get_document().get_value(schema::article_slot), static_cast<float>(match.get_weight())});
        found.documents.push_back(*match);
    }
    return found;
}

}  // namespace medsearch
