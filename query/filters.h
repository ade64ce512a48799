// Search filters as Xapian boolean queries: values of one filter are alternatives (OR), different filters
// must all hold (AND).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace medsearch {

struct SearchFilters {
    std::vector<std::string> sections;  // a section name or part of it: "guidelines", "From the FDA Drug Label"
    std::vector<int> cites;             // passages citing one of these reference numbers
    std::vector<std::string> articles;  // article ids
    std::vector<std::string> sources;   // sources, any case ("GARD", "scifact")

    bool empty() const { return sections.empty() && cites.empty() && articles.empty() && sources.empty(); }
};

// The filter query; an empty query when there is no filter. A section name matches every indexed section
// whose key contains its words in order ("fda" matches "from-the-fda-drug-label"); a filter that matches
// nothing in the index yields a query that matches nothing.
Xapian::Query build_filter(const SearchFilters& filters, const Xapian::Database& database);

}  // namespace medsearch
