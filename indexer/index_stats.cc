#include "indexer/index_stats.h"

#include <algorithm>

#include "indexer/open_index.h"
#include "common/errors.h"
#include "indexer/schema.h"
#include "indexer/shard_list.h"

namespace medsearch {

namespace {

// For every boolean term under the prefix: how many documents carry it, most first.
std::vector<KeyCount> count_by_prefix(const Xapian::Database& database, std::string_view prefix) {
    const std::string p(prefix);
    std::vector<KeyCount> counts;
    for (auto term = database.allterms_begin(p); term != database.allterms_end(p); ++term)
        counts.push_back({(*term).substr(p.size()), term.get_termfreq()});
    std::stable_sort(counts.begin(), counts.end(), [](const KeyCount& a, const KeyCount& b) { return a.count > b.count; });
    return counts;
}

std::uintmax_t folder_size(const std::filesystem::path& folder) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) bytes += entry.file_size();
    return bytes;
}

// A folder's size, or a shard list's local shards'.
std::uintmax_t size_on_disk(const std::filesystem::path& index) {
    if (std::filesystem::is_directory(index)) return folder_size(index);
    std::uintmax_t bytes = 0;
    for (const ShardAddress& shard : read_shard_list(index))
        if (!shard.remote()) bytes += folder_size(shard.folder);
    return bytes;
}

std::string names(const std::vector<std::filesystem::path>& indexes) {
    std::string text;
    for (const std::filesystem::path& index : indexes) text += (text.empty() ? "" : ", ") + index.string();
    return text;
}

}  // namespace

IndexStats read_index_stats(const std::vector<std::filesystem::path>& paths) {
    const IndexDatabases index = open_index(paths);
    IndexStats stats;
    try {
        stats.articles = index.articles.get_doccount();
        stats.passages = index.passages.get_doccount();
        stats.sections = count_by_prefix(index.passages, schema::section_filter);
        stats.sources = count_by_prefix(index.articles, schema::source);
        for (auto term = index.passages.allterms_begin(); term != index.passages.allterms_end(); ++term) {
            ++stats.terms;
            if (schema::is_body_term(*term)) ++stats.body_terms;
        }
        stats.average_passage_words = index.passages.get_avlength();
        stats.average_article_words = index.articles.get_avlength();
        stats.unlinked_articles = index.articles.get_termfreq(std::string(schema::unlinked));
        stats.passages_current = at_one_batch(index);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot read the index at " + names(paths) + ": " + error.get_description());
    }
    for (const std::filesystem::path& path : paths) stats.bytes_on_disk += size_on_disk(path);
    return stats;
}

}  // namespace medsearch
