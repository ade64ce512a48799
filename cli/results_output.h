// How one answer is shown, the same for `search` and for each turn of `ask`: the hits (or the answer
// card) as text or JSON lines, then the spelling suggestion, facets, what --explain shows and, for a
// conversation turn, the context the earlier turns added. Hits themselves are drawn by hit_rendering.
#pragma once

#include <ostream>
#include <string>

#include "conversation/conversation.h"
#include "query/searcher.h"

namespace medsearch::cli {

struct ResultsDisplay {
    bool json = false;     // JSON lines (README) instead of text
    bool explain = false;  // how the question was understood and what was added
    bool facets = false;   // per-section, per-source and per-MeSH-heading counts (when the search counted them)
    bool answer = false;   // the answer card instead of the ranked list
    bool colour = false;   // ANSI highlights in text
    std::size_t card_passages = 10;  // the answer card shows at most this many passages (-k)
};

// --color auto|always|never: auto is colour on a terminal unless NO_COLOR is set.
bool use_colour(const std::string& setting);

// The search options the display needs: the answer card chooses from more passages than it shows.
SearchOptions options_for_display(SearchOptions options, const ResultsDisplay& display);

// Prints one answer. With a context (a conversation turn), text output shows it under --explain and JSON
// output always ends the answer with a {"type":"context",...} line.
void print_results(std::ostream& out, const SearchResults& results, const ResultsDisplay& display,
                   const ContextResolution* context = nullptr);

}  // namespace medsearch::cli
