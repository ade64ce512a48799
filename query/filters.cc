#include "query/filters.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

// "fda-drug" is within "from-the-fda-drug-label" on word boundaries.
bool contains_words(const std::string& key, const std::string& wanted) {
    for (std::size_t at = key.find(wanted); at != std::string::npos; at = key.find(wanted, at + 1)) {
        const bool starts = at == 0 || key[at - 1] == '-';
        const bool ends = at + wanted.size() == key.size() || key[at + wanted.size()] == '-';
        if (starts && ends) return true;
    }
    return false;
}

// Xapian's MatchNothing is the empty query, which callers take for "no filter"; this one is not empty.
const Xapian::Query kNothing(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);

Xapian::Query any_term(const std::vector<std::string>& terms) {
    if (terms.empty()) return kNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

std::vector<std::string> mesh_filter_keys(std::string_view written) {
    std::vector<std::string> keys;
    if (std::string whole = schema::mesh_key(written); !whole.empty()) keys.push_back(std::move(whole));
    if (const std::size_t slash = written.find('/'); slash != std::string_view::npos)
        if (std::string descriptor = schema::mesh_key(written.substr(0, slash)); !descriptor.empty() &&
                                                                                 std::find(keys.begin(), keys.end(), descriptor) == keys.end())
            keys.push_back(std::move(descriptor));
    return keys;
}

Xapian::Query build_filter(const SearchFilters& filters, const Xapian::Database& database) {
    std::vector<Xapian::Query> required;

    if (!filters.sections.empty()) {
        const std::string prefix(schema::section_filter);
        std::vector<std::string> terms;
        for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
            const std::string key = (*term).substr(prefix.size());
            if (std::any_of(filters.sections.begin(), filters.sections.end(),
                            [&](const std::string& wanted) { return contains_words(key, schema::section_key(wanted)); }))
                terms.push_back(*term);
        }
        required.push_back(any_term(terms));
    }
    if (!filters.cites.empty()) {
        std::vector<std::string> terms;
        for (const int number : filters.cites) terms.push_back(std::string(schema::cites) + std::to_string(number));
        required.push_back(any_term(terms));
    }
    if (!filters.articles.empty()) {
        std::vector<std::string> terms;
        for (const std::string& id : filters.articles) terms.push_back(std::string(schema::article) + id);
        required.push_back(any_term(terms));
    }
    if (!filters.sources.empty()) {
        std::vector<std::string> terms;
        for (const std::string& source : filters.sources) terms.push_back(std::string(schema::source) + ascii_lower(source));
        required.push_back(any_term(terms));
    }

    for (const std::string& heading : filters.mesh) {
        const std::vector<std::string> keys = mesh_filter_keys(heading);
        const auto held = std::find_if(keys.begin(), keys.end(),
                                       [&](const std::string& key) { return database.term_exists(std::string(schema::mesh) + key); });
        required.push_back(held == keys.end() ? kNothing : Xapian::Query(std::string(schema::mesh) + *held));
    }

    if (required.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

}  // namespace medsearch
