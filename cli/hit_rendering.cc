#include "cli/hit_rendering.h"

#include <cstdio>

namespace medsearch::cli {

namespace {
constexpr const char* kHighlightOn = "\033[1;33m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

std::string styled(const std::string& text, const char* style, bool colour) {
    return colour ? style + text + kReset : text;
}
}  // namespace

std::string render_snippet(const Snippet& snippet, bool colour) {
    if (!colour) return snippet.text;
    std::string out;
    std::size_t copied = 0;
    for (const HighlightRange& range : snippet.highlights) {
        out.append(snippet.text, copied, range.begin - copied);
        out += kHighlightOn;
        out.append(snippet.text, range.begin, range.end - range.begin);
        out += kReset;
        copied = range.end;
    }
    out.append(snippet.text, copied);
    return out;
}

std::string section_path(const Hit& hit) {
    std::string path = hit.section;
    if (!hit.heading.empty()) path += (path.empty() ? "" : " \u203a ") + hit.heading;
    return path;
}

std::string render_hit(const Hit& hit, bool colour) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::string out = styled(std::to_string(hit.rank) + ".", kBold, colour) + " " + styled(hit.title, kBold, colour) + "  " +
                      styled(std::string("[") + score + "]", kDim, colour) + "\n";
    const std::string path = section_path(hit);
    if (!path.empty()) out += "   " + path + "\n";
    out += "   " + std::string(hit.kind == "bullet" ? "\u2022 " : "") + render_snippet(hit.snippet, colour) + "\n";
    if (!hit.citations.empty()) {
        out += "   cites";
        for (const int number : hit.citations) out += " [" + std::to_string(number) + "]";
        out += "\n";
        for (const Reference& reference : hit.references) {
            out += "     [" + std::to_string(reference.number) + "] " + reference.text;
            if (!reference.pmid.empty()) out += " PMID:" + reference.pmid;
            if (!reference.doi.empty()) out += " doi:" + reference.doi;
            out += "\n";
        }
    }
    out += "   " + styled(hit.article_id + (hit.url.empty() ? "" : "  " + hit.url), kDim, colour) + "\n";
    return out;
}

nlohmann::json hit_json(const Hit& hit) {
    nlohmann::json highlights = nlohmann::json::array();
    for (const HighlightRange& range : hit.snippet.highlights) highlights.push_back({range.begin, range.end});
    nlohmann::json references = nlohmann::json::array();
    for (const Reference& reference : hit.references)
        references.push_back({{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
                              {"doi", reference.doi}, {"url", reference.url}});
    return {{"rank", hit.rank},         {"score", hit.score},       {"id", hit.id},
            {"article", hit.article_id}, {"title", hit.title},       {"url", hit.url},
            {"source", hit.source},     {"section", hit.section},   {"heading", hit.heading},
            {"kind", hit.kind},         {"ordinal", hit.ordinal},   {"text", hit.snippet.text},
            {"highlights", highlights}, {"citations", hit.citations}, {"references", references}};
}

std::string render_answer_card(const AnswerCard& card, bool colour) {
    if (card.groups.empty()) return "No passages match.\n";
    std::string out;
    for (const CardGroup& group : card.groups) {
        out += styled(group.name, kBold, colour) + "\n";
        for (const Hit& hit : group.hits) {
            out += "  \u2022 " + render_snippet(hit.snippet, colour);
            for (const int number : hit.citations) out += " [" + std::to_string(number) + "]";
            out += "\n    " + styled(hit.title + (section_path(hit).empty() ? "" : " \u2014 " + section_path(hit)), kDim, colour) + "\n";
            for (const Reference& reference : hit.references)
                out += "    [" + std::to_string(reference.number) + "] " + reference.text + "\n";
        }
        out += "\n";
    }
    return out;
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

}  // namespace medsearch::cli
