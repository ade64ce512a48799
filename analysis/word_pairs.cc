#include "analysis/word_pairs.h"

namespace medsearch {

std::vector<std::string> adjacent_pairs(const std::vector<PositionedTerm>& terms) {
    std::vector<std::string> pairs;
    for (std::size_t i = 1; i < terms.size(); ++i) {
        const PositionedTerm& first = terms[i - 1];
        const PositionedTerm& second = terms[i];
        if (first.term.empty() || second.term.empty() || second.position <= first.position ||
            second.position - first.position > kPairMaxGap)
            continue;
        pairs.push_back(std::string(first.term) + ' ' + std::string(second.term));
    }
    return pairs;
}

}  // namespace medsearch
