#include "query/article_map.h"

#include "indexer/schema.h"

namespace medsearch {

ArticleMap::ArticleMap(const Xapian::Database& database) {
    // Every document carries its article id in one value slot: one pass over that slot's stream.
    article_of_.assign(static_cast<std::size_t>(database.get_lastdocid()) + 1, kNone);
    for (auto value = database.valuestream_begin(schema::article_slot); value != database.valuestream_end(schema::article_slot); ++value) {
        const auto [entry, added] = numbers_.try_emplace(*value, static_cast<ArticleNumber>(ids_.size()));
        if (added) ids_.push_back(*value);
        article_of_[value.get_docid()] = entry->second;
    }

    // Article documents are the ones with the article kind term; the rest are passages.
    article_documents_.assign(ids_.size(), 0);
    const std::string article_kind = std::string(schema::kind) + std::string(schema::kind_article);
    for (auto posting = database.postlist_begin(article_kind); posting != database.postlist_end(article_kind); ++posting)
        if (article_of_[*posting] != kNone) article_documents_[article_of_[*posting]] = *posting;

    // Passages grouped by article (counting sort by article number keeps docid order within each).
    passage_starts_.assign(ids_.size() + 1, 0);
    for (Xapian::docid document = 1; document < article_of_.size(); ++document)
        if (article_of_[document] != kNone && article_documents_[article_of_[document]] != document)
            ++passage_starts_[article_of_[document] + 1];
    for (std::size_t article = 0; article < ids_.size(); ++article) passage_starts_[article + 1] += passage_starts_[article];
    passage_docids_.resize(passage_starts_.back());
    std::vector<std::size_t> next(passage_starts_.begin(), passage_starts_.end() - 1);
    for (Xapian::docid document = 1; document < article_of_.size(); ++document)
        if (article_of_[document] != kNone && article_documents_[article_of_[document]] != document)
            passage_docids_[next[article_of_[document]]++] = document;
}

std::optional<ArticleNumber> ArticleMap::article_of(Xapian::docid document) const {
    if (document >= article_of_.size() || article_of_[document] == kNone) return std::nullopt;
    return article_of_[document];
}

std::optional<ArticleNumber> ArticleMap::find(std::string_view article_id) const {
    const auto it = numbers_.find(std::string(article_id));
    if (it == numbers_.end()) return std::nullopt;
    return it->second;
}

std::span<const Xapian::docid> ArticleMap::passages(ArticleNumber article) const {
    return {passage_docids_.data() + passage_starts_[article], passage_starts_[article + 1] - passage_starts_[article]};
}

}  // namespace medsearch
