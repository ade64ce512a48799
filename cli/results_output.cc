#include "cli/results_output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli/hit_rendering.h"
#include "query/answer_card.h"

namespace medsearch::cli {

namespace {

// How many ranked passages the answer card chooses from.
constexpr std::size_t kAnswerCandidates = 30;

std::string json_line(const nlohmann::json& value) { return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

bool same_expansion(const Expansion& a, const Expansion& b) {
    return a.reason == b.reason && a.expression == b.expression && a.weight == b.weight;
}

// What the question and its synonyms/feedback added; the context's own additions are shown with the context.
bool from_context(const Expansion& expansion, const ContextResolution* context) {
    if (context == nullptr) return false;
    const std::vector<Expansion>& added = context->context.expansions;
    return std::any_of(added.begin(), added.end(), [&](const Expansion& e) { return same_expansion(e, expansion); });
}

nlohmann::json expansions_json(const std::vector<Expansion>& expansions) {
    nlohmann::json added = nlohmann::json::array();
    for (const Expansion& e : expansions) added.push_back({{"expression", e.expression}, {"weight", e.weight}, {"reason", e.reason}});
    return added;
}

void print_expansion(std::ostream& out, const Expansion& expansion) {
    out << "  added \"" << expansion.expression << "\" weight " << expansion.weight << ": " << expansion.reason << "\n";
}

void print_explain_text(std::ostream& out, const SearchResults& results, const ContextResolution* context) {
    out << "Question concepts:";
    for (const Concept& c : results.question.concepts) {
        out << " " << (c.excluded ? "-" : "") << concept_key(c);
        if (c.frame) out << "(question word)";
        if (c.referent) out << "(refers back)";
    }
    out << "\n";
    for (const Expansion& expansion : results.expansions)
        if (!from_context(expansion, context)) print_expansion(out, expansion);
    if (context == nullptr) return;
    out << "Context: " << kind_name(context->kind) << ": " << context->reason << "\n";
    if (!context->subject.empty()) {
        out << "  subject: " << context->subject;
        if (!context->subject_title.empty()) out << " (answered by \"" << context->subject_title << "\")";
        out << "\n";
    }
    if (context->context.expansions.empty()) out << "  nothing added from earlier turns\n";
    for (const Expansion& expansion : context->context.expansions) print_expansion(out, expansion);
}

void print_text(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    if (!results.suggestion.empty()) out << "Did you mean: " << results.suggestion << "\n\n";
    if (display.answer) {
        out << render_answer_card(build_answer_card(results.hits), display.colour);
    } else {
        if (results.hits.empty()) out << "No passages match.\n";
        for (const Hit& hit : results.hits) out << render_hit(hit, display.colour) << "\n";
    }
    if (display.facets) {
        out << "Sections:";
        for (const FacetCount& facet : results.section_facets) out << "  " << facet.value << " (" << facet.count << ")";
        out << "\nSources:";
        for (const FacetCount& facet : results.source_facets) out << "  " << facet.value << " (" << facet.count << ")";
        out << "\n";
    }
    if (display.explain) print_explain_text(out, results, context);
    if (!display.answer) out << "(" << results.estimated_matches << " matching passages)\n";
}

void print_json(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    // One JSON object per hit per line (or the card on one line); the rest on lines of their own, marked by "type".
    if (display.answer)
        out << json_line(answer_card_json(build_answer_card(results.hits)));
    else
        for (const Hit& hit : results.hits) out << json_line(hit_json(hit));
    if (!results.suggestion.empty()) out << json_line({{"type", "suggestion"}, {"text", results.suggestion}});
    if (display.facets) {
        nlohmann::json sections = nlohmann::json::object(), sources = nlohmann::json::object();
        for (const FacetCount& facet : results.section_facets) sections[facet.value] = facet.count;
        for (const FacetCount& facet : results.source_facets) sources[facet.value] = facet.count;
        out << json_line({{"type", "facets"}, {"sections", sections}, {"sources", sources}});
    }
    if (display.explain) out << json_line({{"type", "explain"}, {"added", expansions_json(results.expansions)}});
    if (context != nullptr)
        out << json_line({{"type", "context"},
                          {"question", results.question.text},
                          {"kind", kind_name(context->kind)},
                          {"subject", context->subject},
                          {"subject_title", context->subject_title},
                          {"reason", context->reason},
                          {"added", expansions_json(context->context.expansions)}});
}

}  // namespace

bool use_colour(const std::string& setting) {
    if (setting == "always") return true;
    if (setting == "never") return false;
    return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
}

SearchOptions options_for_display(SearchOptions options, const ResultsDisplay& display) {
    if (display.answer) options.limit = std::max(options.limit, kAnswerCandidates);
    return options;
}

void print_results(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    if (display.json)
        print_json(out, results, display, context);
    else
        print_text(out, results, display, context);
}

}  // namespace medsearch::cli
