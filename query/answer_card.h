// The answer card: the best passages of a search grouped the way the site's articles are written —
// guidelines first, then the FDA drug label, then research, then everything else — each with its
// citations. It is data; the CLI renders it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/hit.h"

namespace medsearch {

enum class CardGroupKind { guidelines, drug_label, research, other };

struct CardGroup {
    CardGroupKind kind = CardGroupKind::other;
    std::string name;       // "From the Guidelines", "From the FDA Drug Label", "From the Research", "More"
    std::vector<Hit> hits;  // best first
};

struct AnswerCard {
    std::vector<CardGroup> groups;  // in the site's order, empty groups left out
};

struct AnswerCardOptions {
    std::size_t per_group = 3;
    std::size_t passages = 10;  // at most this many in all (the search's -k)
};

// The site's remarks that a section has nothing on the question ("The FDA drug label does not answer the
// question."): page boilerplate, never an answer.
bool is_no_answer_remark(std::string_view text);

// Which group a section belongs to, from its name ("From the Research", "RESULTS", "causes").
CardGroupKind card_group_of(const std::string& section);

// Groups the hits (already ranked) into the card: in rank order, each passage that is not a remark is taken
// while its group holds fewer than per_group and the card fewer than `passages`; the groups then follow the
// site's order.
AnswerCard build_answer_card(const std::vector<Hit>& hits, const AnswerCardOptions& options = {});

}  // namespace medsearch
