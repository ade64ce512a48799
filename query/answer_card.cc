#include "query/answer_card.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace medsearch {

namespace {


bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The section labels of structured abstracts (PubMedQA, PubMed): research by nature.
bool is_abstract_label(const std::string& section) {
    static constexpr std::array<std::string_view, 10> labels = {"background", "conclusion", "conclusions", "methods",
                                                                "objective",  "objectives", "purpose",     "results",
                                                                "aims",       "introduction"};
    return std::find(labels.begin(), labels.end(), section) != labels.end();
}

// How the site words a section that has nothing on the question (seen in its saved pages).
constexpr std::array<std::string_view, 3> kNoAnswerRemarks = {
    "does not answer the question",
    "does not directly support an answer",
    "no relevant information",
};

}  // namespace

bool is_no_answer_remark(std::string_view text) {
    const std::string lower = ascii_lower(text);
    return std::any_of(kNoAnswerRemarks.begin(), kNoAnswerRemarks.end(), [&](std::string_view remark) { return contains(lower, remark); });
}

CardGroupKind card_group_of(const std::string& section) {
    const std::string name = ascii_lower(section);
    if (contains(name, "guideline")) return CardGroupKind::guidelines;
    if (contains(name, "fda") || contains(name, "drug label")) return CardGroupKind::drug_label;
    if (contains(name, "research") || is_abstract_label(name)) return CardGroupKind::research;
    return CardGroupKind::other;
}

AnswerCard build_answer_card(const std::vector<Hit>& hits, const AnswerCardOptions& options) {
    AnswerCard card;
    const std::array<std::pair<CardGroupKind, const char*>, 4> order = {{
        {CardGroupKind::guidelines, "From the Guidelines"},
        {CardGroupKind::drug_label, "From the FDA Drug Label"},
        {CardGroupKind::research, "From the Research"},
        {CardGroupKind::other, "More"},
    }};
    // Choose in rank order, so that -k keeps the best passages whatever their group.
    std::array<std::vector<Hit>, order.size()> chosen;
    std::size_t taken = 0;
    for (const Hit& hit : hits) {
        if (taken == options.passages) break;
        if (is_no_answer_remark(hit.snippet.text)) continue;
        std::vector<Hit>& group = chosen[static_cast<std::size_t>(card_group_of(hit.section))];
        if (group.size() == options.per_group) continue;
        group.push_back(hit);
        ++taken;
    }
    for (const auto& [kind, name] : order)
        if (std::vector<Hit>& group = chosen[static_cast<std::size_t>(kind)]; !group.empty())
            card.groups.push_back({kind, name, std::move(group)});
    return card;
}

}  // namespace medsearch
