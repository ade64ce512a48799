// Passage search: a question in, ranked passages out, each with its article, section, heading, citations
// and highlights. Passage evidence is combined with article evidence: a passage earns part of its
// article's own score, so a passage in an article about the question outranks a stray mention.
#pragma once

#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "query/engine.h"
#include "query/filters.h"
#include "query/hit.h"

namespace medsearch {

struct SearchOptions {
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t per_article = 0;  // at most this many passages per article (0: no limit)
    SearchFilters filters;
    bool facets = false;          // count the matches per section, per source and per MeSH heading
    bool suggest = true;          // offer a spelling correction for words the index does not know
    bool highlight = true;        // mark the matching words of each hit
    bool whole_lists = false;     // give each bullet hit its whole list (Hit::list), as the answer card shows it
};

struct FacetCount {
    std::string value;
    std::size_t count = 0;
};

// Extra evidence the caller brings: what a conversation knows beyond the question itself.
struct SearchContext {
    std::vector<Xapian::Query> clauses;      // added to the question's query (already weighted)
    // What a passage must match to be on the conversation's subject (empty: no subject); passages off it keep
    // only this share of their score.
    Xapian::Query focus;
    double off_focus_share = 1.0;
    std::vector<std::string> highlight_terms;
    std::vector<Expansion> expansions;       // explanations of the above
};

// The base query OR-ed with the non-empty clauses; an empty query when nothing is left to search.
Xapian::Query with_clauses(const Xapian::Query& base, const std::vector<Xapian::Query>& clauses);
// The scoring query with the context's clauses, and its documents off the context's focus scaled down.
Xapian::Query with_context(const Xapian::Query& scoring, const SearchContext& context);

struct SearchResults {
    Question question;
    std::vector<Hit> hits;
    std::size_t estimated_matches = 0;
    std::string suggestion;                  // the question with misspelt words corrected; empty if none
    // When the question as asked matched nothing and its correction was searched instead: the question as
    // asked (`question` and `suggestion` are then the correction). Empty otherwise.
    std::string searched_instead_of;
    std::vector<FacetCount> section_facets;  // by section key, most first
    std::vector<FacetCount> source_facets;
    std::vector<FacetCount> mesh_facets;     // by MeSH key (schema::mesh_key), most first; ties by key
    std::vector<Expansion> expansions;       // what synonyms, feedback and context added
    // The best passage shares no word of the question's subject (its content words, their variants and
    // synonyms, what the context carried), only question words or feedback terms: the corpus probably
    // does not answer the question, whatever the scores say.
    bool low_confidence = false;
};

class Searcher {
public:
    explicit Searcher(const Engine& engine) : engine_(engine) {}

    SearchResults search(std::string_view question, const SearchOptions& options) const;
    SearchResults search(Question question, const SearchOptions& options, const SearchContext& context) const;

private:
    SearchResults search_once(const Question& question, const SearchOptions& options, const SearchContext& context) const;

    const Engine& engine_;
};

}  // namespace medsearch
