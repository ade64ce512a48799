// Search filters as Xapian boolean queries: values of one filter are alternatives (OR), different filters
// must all hold (AND). MeSH headings are the exception: an article has many, so each one named must hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace medsearch {

struct SearchFilters {
    std::vector<std::string> sections;  // a section name or part of it: "guidelines", "From the FDA Drug Label"
    std::vector<int> cites;             // passages citing one of these reference numbers
    std::vector<std::string> articles;  // article ids
    std::vector<std::string> sources;   // sources, any case ("GARD", "scifact")
    std::vector<std::string> mesh;      // MeSH headings or keywords as written, every one required:
                                        // "Leukopenia", "neutropenia/chemically induced", "*Asthma"

    bool empty() const { return sections.empty() && cites.empty() && articles.empty() && sources.empty() && mesh.empty(); }
};

// The keys (schema::mesh_key) a heading as written may stand for, the likelier first: the whole text
// ("HIV/AIDS" as a keyword), then the descriptor before a "/qualifier" ("Neutropenia/chemically induced").
// Empty when it names nothing (no word at all).
std::vector<std::string> mesh_filter_keys(std::string_view written);

// The filter query; an empty query when there is no filter. A section name matches every indexed section
// whose key contains its words in order ("fda" matches "from-the-fda-drug-label"); a filter that matches
// nothing in the index yields a query that matches nothing. A MeSH heading with a "/qualifier" matches by its
// descriptor unless the index holds the whole text as a heading or keyword.
Xapian::Query build_filter(const SearchFilters& filters, const Xapian::Database& database);

}  // namespace medsearch
