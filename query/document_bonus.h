// A Xapian posting source that gives chosen documents a fixed extra weight: how evidence from one
// document (an article's score, its best passage) reaches another. Combined with OP_AND_MAYBE, it only
// adds to documents the question matches.
#pragma once

#include <utility>
#include <vector>

#include <xapian.h>

namespace medsearch {

class DocumentBonus : public Xapian::PostingSource {
public:
    // (docid, bonus) pairs in any order; a docid listed twice keeps the larger bonus.
    explicit DocumentBonus(std::vector<std::pair<Xapian::docid, double>> bonuses);

    void init(const Xapian::Database& database) override;
    void next(double min_weight) override;
    void skip_to(Xapian::docid document, double min_weight) override;
    bool at_end() const override { return position_ >= bonuses_.size(); }
    Xapian::docid get_docid() const override { return bonuses_[position_].first; }
    double get_weight() const override { return bonuses_[position_].second; }
    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(bonuses_.size()); }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(bonuses_.size()); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(bonuses_.size()); }
    DocumentBonus* clone() const override { return new DocumentBonus(bonuses_); }
    std::string name() const override { return "medsearch::DocumentBonus"; }

private:
    std::vector<std::pair<Xapian::docid, double>> bonuses_;  // sorted by docid, unique
    std::size_t position_ = 0;
    bool started_ = false;
    double max_bonus_ = 0.0;
};

}  // namespace medsearch
