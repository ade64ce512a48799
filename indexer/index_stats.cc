#include "indexer/index_stats.h"

#include <algorithm>

#include "indexer/open_index.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

// For every boolean term under the prefix: how many documents of the given kind carry it, most first.
std::vector<KeyCount> count_by_prefix(const Xapian::Database& database, std::string_view prefix, std::string_view kind) {
    const std::string p(prefix);
    const Xapian::Query of_kind(std::string(schema::kind) + std::string(kind));
    std::vector<KeyCount> counts;
    for (auto term = database.allterms_begin(p); term != database.allterms_end(p); ++term) {
        Xapian::Enquire enquire(database);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, of_kind, Xapian::Query(*term)));
        const Xapian::MSet matches = enquire.get_mset(0, 0, database.get_doccount());
        counts.push_back({(*term).substr(p.size()), matches.get_matches_estimated()});
    }
    std::stable_sort(counts.begin(), counts.end(), [](const KeyCount& a, const KeyCount& b) { return a.count > b.count; });
    return counts;
}

std::uintmax_t folder_size(const std::filesystem::path& folder) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) bytes += entry.file_size();
    return bytes;
}

bool is_body_term(const std::string& term) {
    // Body terms carry no prefix: they start with a lower-case letter, a digit or a non-ASCII byte.
    const auto first = static_cast<unsigned char>(term.front());
    return !(first >= 'A' && first <= 'Z');
}

}  // namespace

IndexStats read_index_stats(const std::filesystem::path& path) {
    const Xapian::Database database = open_index(path);
    IndexStats stats;
    stats.articles = database.get_termfreq(std::string(schema::kind) + std::string(schema::kind_article));
    stats.passages = database.get_termfreq(std::string(schema::kind) + std::string(schema::kind_passage));

    stats.sections = count_by_prefix(database, schema::section_filter, schema::kind_passage);
    stats.sources = count_by_prefix(database, schema::source, schema::kind_article);

    for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term) {
        ++stats.terms;
        if (is_body_term(*term)) ++stats.body_terms;
    }
    stats.average_passage_words = database.get_avlength();
    stats.bytes_on_disk = folder_size(path);
    return stats;
}

}  // namespace medsearch
