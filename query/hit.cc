#include "query/hit.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "indexer/schema.h"

namespace medsearch {

Hit decode_hit(const std::string& data) {
    namespace f = schema::field;
    try {
        const nlohmann::json json = nlohmann::json::parse(data);
        Hit hit;
        hit.article_id = json.at(f::article).get<std::string>();
        hit.title = json.value(f::title, "");
        hit.url = json.value(f::url, "");
        hit.source = json.value(f::source, "");
        hit.updated = json.value(f::updated, "");
        hit.section = json.value(f::section, "");
        hit.heading = json.value(f::heading, "");
        hit.kind = json.value(f::kind, "paragraph");
        hit.lead_in = json.value(f::lead_in, "");
        hit.ordinal = json.value(f::ordinal, std::size_t{0});
        hit.group = json.value(f::group, "");
        hit.citations = json.value(f::citations, std::vector<int>{});
        for (const nlohmann::json& reference : json.value(f::references, nlohmann::json::array()))
            hit.references.push_back({reference.value("number", 0), reference.value("text", ""), reference.value("pmid", ""),
                                      reference.value("doi", ""), reference.value("url", "")});
        hit.snippet.text = json.value(f::text, "");
        hit.id = schema::passage_id(hit.article_id, hit.ordinal);
        return hit;
    } catch (const nlohmann::json::exception& error) {
        throw DatabaseError(std::string("a passage's stored data is damaged: ") + error.what());
    }
}

}  // namespace medsearch
