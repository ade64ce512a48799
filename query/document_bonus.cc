#include "query/document_bonus.h"

#include <algorithm>

namespace medsearch {

DocumentBonus::DocumentBonus(std::vector<std::pair<Xapian::docid, double>> bonuses) : bonuses_(std::move(bonuses)) {
    // Sort by docid, larger bonus first, then keep the first of each docid.
    std::sort(bonuses_.begin(), bonuses_.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    bonuses_.erase(std::unique(bonuses_.begin(), bonuses_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                   bonuses_.end());
    for (const auto& [document, bonus] : bonuses_) max_bonus_ = std::max(max_bonus_, bonus);
}

void DocumentBonus::init(const Xapian::Database&) {
    position_ = 0;
    started_ = false;
    set_maxweight(max_bonus_);
}

void DocumentBonus::next(double) {
    // Xapian calls next() once before reading the first entry.
    if (!started_)
        started_ = true;
    else
        ++position_;
}

void DocumentBonus::skip_to(Xapian::docid document, double) {
    started_ = true;
    if (at_end() || get_docid() >= document) return;
    position_ = static_cast<std::size_t>(
        std::lower_bound(bonuses_.begin() + static_cast<std::ptrdiff_t>(position_), bonuses_.end(), document,
                         [](const auto& entry, Xapian::docid wanted) { return entry.first < wanted; }) -
        bonuses_.begin());
}

}  // namespace medsearch
