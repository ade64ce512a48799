// Highlighting as data: which byte ranges of a passage matched the question. The analyzer's tokens carry
// exact byte offsets into the original text, so ranges are exact whatever the folding did. Rendering
// (colour on a terminal, plain elsewhere, JSON) is the CLI's business.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace medsearch {

struct HighlightRange {
    std::size_t begin = 0;  // byte offsets into Snippet::text
    std::size_t end = 0;
};

struct Snippet {
    std::string text;
    std::vector<HighlightRange> highlights;  // sorted, not overlapping
};

// Marks every word of the text whose term is among the terms (sorted ascending); a compound matched
// whole is marked whole ("G-CSF" for the term "gcsf").
Snippet highlight(std::string text, const std::vector<std::string>& sorted_terms, const Analyzer& analyzer);

}  // namespace medsearch
