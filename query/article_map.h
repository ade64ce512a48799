// Which article each document belongs to, read once from the article-id value stream. Ranking moves
// evidence between an article's documents (article score to its passages, best passage to its article
// document) by docid through this map, without reading a single document.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace medsearch {

using ArticleNumber = std::uint32_t;

class ArticleMap {
public:
    explicit ArticleMap(const Xapian::Database& database);

    // The article a document belongs to; nullopt for a docid the index did not have when the map was read.
    std::optional<ArticleNumber> article_of(Xapian::docid document) const;
    std::optional<ArticleNumber> find(std::string_view article_id) const;

    const std::string& id(ArticleNumber article) const { return ids_[article]; }
    // The article document (0 when the article has none) and the passage documents, in docid order.
    Xapian::docid article_document(ArticleNumber article) const { return article_documents_[article]; }
    std::span<const Xapian::docid> passages(ArticleNumber article) const;

    std::size_t size() const { return ids_.size(); }

private:
    static constexpr ArticleNumber kNone = UINT32_MAX;
    std::vector<ArticleNumber> article_of_;            // docid -> article
    std::vector<std::string> ids_;                      // article -> id
    std::unordered_map<std::string, ArticleNumber> numbers_;
    std::vector<Xapian::docid> article_documents_;      // article -> its article document
    std::vector<std::size_t> passage_starts_;           // article -> first index into passage_docids_
    std::vector<Xapian::docid> passage_docids_;
};

}  // namespace medsearch
