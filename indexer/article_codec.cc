#include "indexer/article_codec.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace medsearch {

namespace {

using nlohmann::json;

std::optional<PassageKind> passage_kind_of(std::string_view name) {
    for (const PassageKind kind : {PassageKind::paragraph, PassageKind::bullet, PassageKind::caption})
        if (passage_kind_name(kind) == name) return kind;
    return std::nullopt;
}

json passage_json(const Passage& passage) {
    json stored = {{"section", passage.section}, {"heading", passage.heading}, {"kind", passage_kind_name(passage.kind)},
                   {"text", passage.text},       {"citations", passage.citations}};
    // Fields most passages leave empty are left out.
    if (!passage.lead_in.empty()) stored["lead_in"] = passage.lead_in;
    if (!passage.group.empty()) stored["group"] = passage.group;
    if (passage.line != 0) stored["line"] = passage.line;
    return stored;
}

Passage passage_from(const json& stored) {
    Passage passage;
    passage.section = stored.at("section").get<std::string>();
    passage.heading = stored.at("heading").get<std::string>();
    const auto kind = passage_kind_of(stored.at("kind").get<std::string>());
    if (!kind) throw json::other_error::create(501, "unknown passage kind", &stored);
    passage.kind = *kind;
    passage.text = stored.at("text").get<std::string>();
    passage.citations = stored.at("citations").get<std::vector<int>>();
    passage.lead_in = stored.value("lead_in", "");
    passage.group = stored.value("group", "");
    passage.line = stored.value("line", std::size_t{0});
    return passage;
}

}  // namespace

nlohmann::json reference_json(const Reference& reference) {
    return {{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
            {"doi", reference.doi},       {"url", reference.url}};
}

std::string encode_article(const Article& article) {
    json passages = json::array();
    for (const Passage& passage : article.passages) passages.push_back(passage_json(passage));
    json references = json::array();
    for (const Reference& reference : article.references) references.push_back(reference_json(reference));
    const json stored = {
        {"id", article.id},           {"title", article.title},       {"url", article.url},
        {"source", article.source},   {"updated", article.updated},   {"synonyms", article.synonyms},
        {"pmid", article.pmid},       {"pmcid", article.pmcid},       {"doi", article.doi},
        {"published", article.published}, {"journal", article.journal}, {"mesh", article.mesh},
        {"passages", passages},       {"references", references},
    };
    return stored.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article decode_article(std::string_view stored) {
    try {
        const json data = json::parse(stored);
        const auto text = [&data](const char* key) { return data.at(key).get<std::string>(); };
        Article article;
        article.id = text("id");
        article.title = text("title");
        article.url = text("url");
        article.source = text("source");
        article.updated = text("updated");
        article.synonyms = data.at("synonyms").get<std::vector<std::string>>();
        article.pmid = text("pmid");
        article.pmcid = text("pmcid");
        article.doi = text("doi");
        article.published = text("published");
        article.journal = text("journal");
        article.mesh = data.at("mesh").get<std::vector<std::string>>();
        for (const json& passage : data.at("passages")) article.passages.push_back(passage_from(passage));
        for (const json& reference : data.at("references"))
            article.references.push_back({reference.at("number").get<int>(), reference.at("text").get<std::string>(),
                                          reference.at("pmid").get<std::string>(), reference.at("doi").get<std::string>(),
                                          reference.at("url").get<std::string>()});
        return article;
    } catch (const json::exception& error) {
        throw DatabaseError(std::string("a stored article is damaged: ") + error.what());
    }
}

}  // namespace medsearch
