#include "server/search_api.h"

#include <algorithm>

#include "indexer/index_stats.h"
#include "indexer/schema.h"
#include "output/results_json.h"
#include "conversation/answer_turn.h"

namespace medsearch::server {

namespace {

nlohmann::json with_paging(nlohmann::json document, const SearchRequest& request) {
    document["offset"] = request.options.offset;
    return document;
}

nlohmann::json key_counts(const std::vector<KeyCount>& counts) {
    nlohmann::json object = nlohmann::json::object();
    for (const KeyCount& count : counts) object[count.key] = count.count;
    return object;
}

}  // namespace

nlohmann::json search(const Engine& engine, const SearchRequest& request) {
    const Searcher searcher(engine);
    return with_paging(results_json(searcher.search(request.question, request.options), request.parts), request);
}

nlohmann::json ask(const Engine& engine, ConversationState& state, const SearchRequest& request) {
    const Searcher searcher(engine);
    Conversation conversation(engine, std::move(state));
    const AnsweredTurn turn = answer_turn(conversation, engine, searcher, request.question, request.options);
    state = conversation.state();
    nlohmann::json document = with_paging(results_json(turn.results, request.parts, &turn.resolution), request);
    document["turn"] = state.turns.size();
    return document;
}

std::optional<nlohmann::json> article(const Engine& engine, const std::string& article_id) {
    const std::optional<Article> found = engine.retrying([&] { return engine.article(article_id); });
    if (!found) return std::nullopt;
    // Sections in the article's order: a new section starts where the section name changes.
    nlohmann::json sections = nlohmann::json::array();
    std::size_t ordinal = 0;
    for (const Passage& passage : found->passages) {
        if (sections.empty() || sections.back()["name"] != passage.section)
            sections.push_back({{"name", passage.section}, {"passages", nlohmann::json::array()}});
        ++ordinal;
        sections.back()["passages"].push_back({{"id", schema::passage_id(found->id, ordinal)},
                                               {"ordinal", ordinal},
                                               {"heading", passage.heading},
                                               {"kind", passage_kind_name(passage.kind)},
                                               {"lead_in", passage.lead_in},
                                               {"text", passage.text},
                                               {"citations", passage.citations}});
    }
    nlohmann::json references = nlohmann::json::array();
    for (const Reference& reference : found->references)
        references.push_back({{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
                              {"doi", reference.doi}, {"url", reference.url}});
    return nlohmann::json{{"id", found->id},           {"title", found->title},       {"url", found->url},
                          {"source", found->source},   {"updated", found->updated},   {"pmid", found->pmid},
                          {"doi", found->doi},         {"sections", sections},        {"references", references}};
}

nlohmann::json stats(const std::vector<std::filesystem::path>& databases) {
    const IndexStats stats = read_index_stats(databases);
    return {{"articles", stats.articles},
            {"passages", stats.passages},
            {"terms", stats.terms},
            {"body_terms", stats.body_terms},
            {"average_document_length", stats.average_passage_words},
            {"bytes_on_disk", stats.bytes_on_disk},
            {"sections", key_counts(stats.sections)},
            {"sources", key_counts(stats.sources)}};
}

}  // namespace medsearch::server
