#include "output/results_json.h"

#include <algorithm>

namespace medsearch {

namespace {
// How many ranked passages the answer card chooses from.
constexpr std::size_t kAnswerCandidates = 30;
}  // namespace

SearchOptions with_card_candidates(SearchOptions options) {
    options.limit = std::max(options.limit, kAnswerCandidates);
    options.whole_lists = true;  // the card keeps a list whole under its lead-in
    return options;
}

nlohmann::json hit_json(const Hit& hit) {
    nlohmann::json highlights = nlohmann::json::array();
    for (const HighlightRange& range : hit.snippet.highlights) highlights.push_back({range.begin, range.end});
    nlohmann::json references = nlohmann::json::array();
    for (const Reference& reference : hit.references)
        references.push_back({{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
                              {"doi", reference.doi}, {"url", reference.url}});
    nlohmann::json document = {{"rank", hit.rank},         {"score", hit.score},       {"id", hit.id},
            {"article", hit.article_id}, {"title", hit.title},       {"url", hit.url},
            {"source", hit.source},     {"section", hit.section},   {"heading", hit.heading},
            {"kind", hit.kind},         {"ordinal", hit.ordinal},   {"lead_in", hit.lead_in},
            {"text", hit.snippet.text},
            {"highlights", highlights}, {"citations", hit.citations}, {"references", references}};
    // A bullet's whole list, when the search gave it (the answer card's searches do).
    if (!hit.list.empty()) {
        nlohmann::json list = nlohmann::json::array();
        for (const ListItem& item : hit.list) list.push_back({{"ordinal", item.ordinal}, {"text", item.text}, {"citations", item.citations}});
        document["list"] = std::move(list);
    }
    return document;
}

nlohmann::json answer_card_json(const AnswerCard& card) {
    nlohmann::json groups = nlohmann::json::array();
    for (const CardGroup& group : card.groups) {
        nlohmann::json hits = nlohmann::json::array();
        for (const Hit& hit : group.hits) hits.push_back(hit_json(hit));
        groups.push_back({{"name", group.name}, {"hits", hits}});
    }
    return {{"type", "answer_card"}, {"groups", groups}};
}

nlohmann::json expansions_json(const std::vector<Expansion>& expansions) {
    nlohmann::json added = nlohmann::json::array();
    for (const Expansion& e : expansions) added.push_back({{"expression", e.expression}, {"weight", e.weight}, {"reason", e.reason}});
    return added;
}

nlohmann::json facets_json(const SearchResults& results) {
    nlohmann::json sections = nlohmann::json::object(), sources = nlohmann::json::object();
    for (const FacetCount& facet : results.section_facets) sections[facet.value] = facet.count;
    for (const FacetCount& facet : results.source_facets) sources[facet.value] = facet.count;
    nlohmann::json mesh = nlohmann::json::object();
    for (const FacetCount& facet : results.mesh_facets) mesh[facet.value] = facet.count;
    return {{"sections", sections}, {"sources", sources}, {"mesh", mesh}};
}

nlohmann::json context_json(const SearchResults& results, const ContextResolution& context) {
    return {{"question", results.question.text},
            {"kind", kind_name(context.kind)},
            {"subject", context.subject},
            {"subject_title", context.subject_title},
            {"reason", context.reason},
            {"added", expansions_json(context.context.expansions)}};
}

nlohmann::json summary_json(const SearchResults& results) {
    return {{"total", results.estimated_matches},
            {"shown", results.hits.size()},
            {"question", results.question.text},
            {"suggestion", results.suggestion},
            {"searched_instead_of", results.searched_instead_of},
            {"low_confidence", results.low_confidence}};
}

nlohmann::json results_json(const SearchResults& results, const ResultsJsonParts& parts, const ContextResolution* context) {
    nlohmann::json hits = nlohmann::json::array();
    for (const Hit& hit : results.hits) hits.push_back(hit_json(hit));
    nlohmann::json document = {{"question", results.question.text},
                               {"hits", hits},
                               {"total", results.estimated_matches},
                               {"suggestion", results.suggestion},
                               {"searched_instead_of", results.searched_instead_of},
                               {"low_confidence", results.low_confidence}};
    if (parts.answer) {
        AnswerCardOptions card;
        card.passages = parts.card_passages;
        document["answer_card"] = answer_card_json(build_answer_card(results.hits, card));
    }
    if (parts.facets) document["facets"] = facets_json(results);
    if (parts.explain) {
        nlohmann::json concepts = nlohmann::json::array();
        for (const Concept& c : results.question.concepts)
            concepts.push_back({{"concept", concept_key(c)}, {"excluded", c.excluded}, {"question_word", c.frame}, {"refers_back", c.referent}});
        document["explain"] = {{"concepts", concepts}, {"added", expansions_json(results.expansions)}};
    }
    if (context != nullptr) document["context"] = context_json(results, *context);
    return document;
}

}  // namespace medsearch
