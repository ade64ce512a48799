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

}  // namespace

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
    for (const auto& [kind, name] : order) {
        CardGroup group{kind, name, {}};
        for (const Hit& hit : hits)
            if (group.hits.size() < options.per_group && card_group_of(hit.section) == kind) group.hits.push_back(hit);
        if (!group.hits.empty()) card.groups.push_back(std::move(group));
    }
    return card;
}

}  // namespace medsearch
