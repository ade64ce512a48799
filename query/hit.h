// One ranked passage as search returns it: what the stored data says about it, its score and rank, and
// the passage text with its highlights.
#pragma once

#include <string>
#include <vector>

#include "query/highlight.h"
#include "readers/article.h"

namespace medsearch {

// One bullet of the list a hit belongs to (SearchOptions::whole_lists).
struct ListItem {
    std::size_t ordinal = 0;    // place in the article, from 1
    std::string text;
    std::vector<int> citations;
};

struct Hit {
    std::size_t rank = 0;       // 1-based, counting from the first result (offset included)
    double score = 0.0;
    std::string id;             // the passage id ("<article id>#<ordinal>")
    std::string article_id;
    std::string title;
    std::string url;
    std::string source;
    std::string updated;
    std::string section;
    std::string heading;
    std::string kind;           // "paragraph", "bullet" or "caption"
    std::string lead_in;        // a bullet's lead-in sentence (the one that introduces its list), may be empty
    std::size_t ordinal = 0;    // place of the passage in its article, from 1
    std::string group;          // the source's own answer unit ("Sec3" of a MedQuAD article), may be empty
    std::vector<int> citations;
    std::vector<Reference> references;  // the cited references the article lists
    Snippet snippet;            // the passage text with highlights
    // For a bullet, when asked (SearchOptions::whole_lists): every bullet of its list in article order, itself
    // included, so that "Viral infections" is shown with the other causes its lead-in introduces.
    std::vector<ListItem> list;
};

// The hit's fields from a passage document's stored data (JSON, see indexer/schema.h). Throws
// DatabaseError when the data is not what the indexer writes.
Hit decode_hit(const std::string& data);

}  // namespace medsearch
