#include "query/prefix_expansion.h"

#include <algorithm>
#include <utility>

namespace medsearch {

void expand_prefixes(Question& question, const Xapian::Database& database, std::size_t limit) {
    for (Concept& concept_ : question.concepts) {
        if (concept_.prefix.empty()) continue;
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        for (auto term = database.allterms_begin(concept_.prefix); term != database.allterms_end(concept_.prefix); ++term)
            found.emplace_back(term.get_termfreq(), *term);
        // The most used first; equal ones in term order, so the choice is stable.
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        if (found.size() > limit) found.resize(limit);
        concept_.expansions.clear();
        for (auto& [frequency, term] : found) concept_.expansions.push_back(std::move(term));
        std::sort(concept_.expansions.begin(), concept_.expansions.end());
    }
}

}  // namespace medsearch
