#include "cli/hit_rendering.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

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
    // A bullet is shown under the sentence that introduces its list: "Viral infections" alone says little.
    if (!hit.lead_in.empty()) out += "   " + styled(hit.lead_in, kDim, colour) + "\n";
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

std::string render_answer_card(const AnswerCard& card, bool colour) {
    if (card.groups.empty()) return "No passages match.\n";
    std::string out;
    // References are listed once, at the end, in the order first cited (per article: numbers are the article's).
    std::vector<std::pair<const Hit*, const Reference*>> references;
    const auto listed = [&](const Hit& hit, const Reference& reference) {
        return std::any_of(references.begin(), references.end(), [&](const auto& entry) {
            return entry.first->article_id == hit.article_id && entry.second->number == reference.number;
        });
    };
    for (const CardGroup& group : card.groups) {
        out += styled(group.name, kBold, colour) + "\n";
        // The article and sub-heading once above the passages that share them; a list's lead-in once above its
        // bullets.
        std::string block, lead_in;
        std::vector<std::pair<std::string, std::size_t>> lists_shown;  // (article, first ordinal) of each whole list
        for (const Hit& hit : group.hits) {
            if (!hit.list.empty()) {
                const std::pair<std::string, std::size_t> list{hit.article_id, hit.list.front().ordinal};
                if (std::find(lists_shown.begin(), lists_shown.end(), list) != lists_shown.end()) continue;  // shown whole already
                lists_shown.push_back(list);
            }
            const std::string place = hit.title + (hit.heading.empty() ? "" : " \u2014 " + hit.heading);
            if (place != block) {
                out += "  " + styled(place, kDim, colour) + "\n";
                block = place;
                lead_in.clear();
            }
            if (!hit.lead_in.empty() && hit.lead_in != lead_in) out += "  " + hit.lead_in + "\n";
            lead_in = hit.lead_in;
            if (hit.list.empty()) {
                out += std::string(hit.kind == "bullet" ? "    \u2022 " : "  ") + render_snippet(hit.snippet, colour);
                for (const int number : hit.citations) out += " [" + std::to_string(number) + "]";
                out += "\n";
            }
            // A whole list: the hit's own bullet with its highlights, the others as the article has them.
            for (const ListItem& item : hit.list) {
                out += "    \u2022 " + (item.ordinal == hit.ordinal ? render_snippet(hit.snippet, colour) : item.text);
                for (const int number : item.citations) out += " [" + std::to_string(number) + "]";
                out += "\n";
            }
            for (const Reference& reference : hit.references)
                if (!listed(hit, reference)) references.emplace_back(&hit, &reference);
        }
        out += "\n";
    }
    if (!references.empty()) {
        out += styled("References", kBold, colour) + "\n";
        for (const auto& [hit, reference] : references) out += "  [" + std::to_string(reference->number) + "] " + reference->text + "\n";
    }
    return out;
}

}  // namespace medsearch::cli
