#include "query/highlight.h"

#include <algorithm>

namespace medsearch {

Snippet highlight(std::string text, const std::vector<std::string>& sorted_terms, const Analyzer& analyzer) {
    Snippet snippet;
    std::vector<HighlightRange> ranges;
    for (const Token& token : analyzer.analyze(text))
        if (!token.stopword && std::binary_search(sorted_terms.begin(), sorted_terms.end(), token.term))
            ranges.push_back({token.begin, token.end});

    // Merge overlapping ranges (a compound and its parts).
    std::sort(ranges.begin(), ranges.end(), [](const HighlightRange& a, const HighlightRange& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    for (const HighlightRange& range : ranges) {
        if (!snippet.highlights.empty() && range.begin < snippet.highlights.back().end)
            snippet.highlights.back().end = std::max(snippet.highlights.back().end, range.end);
        else
            snippet.highlights.push_back(range);
    }
    snippet.text = std::move(text);
    return snippet;
}

}  // namespace medsearch
