#include "cli/results_output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli/hit_rendering.h"
#include "output/results_json.h"
#include "query/answer_card.h"

namespace medsearch::cli {

namespace {

// How many MeSH headings the text output's facets name.
constexpr std::size_t kMeshFacetsShown = 20;

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

void print_expansion(std::ostream& out, const Expansion& expansion) {
    out << "  added \"" << expansion.expression << "\" weight " << expansion.weight << ": " << expansion.reason << "\n";
}

// How many of the dropped concepts a note names; --explain names them all.
constexpr std::size_t kNamedInNote = 10;

std::string listed(const std::vector<std::string>& items, std::size_t at_most) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < at_most; ++i) text += (i == 0 ? "\"" : ", \"") + items[i] + "\"";
    if (items.size() > at_most) text += ", ...";
    return text;
}

// One line per thing a too-long question lost (README "Limits"), so no part of it is left out silently.
std::vector<std::string> cut_notes(const Question& question, std::size_t named) {
    const QuestionCut& cut = question.cut;
    std::vector<std::string> notes;
    if (cut.dropped_bytes > 0)
        notes.push_back("the question is " + std::to_string(cut.read_bytes + cut.dropped_bytes) + " bytes long: only its first " +
                        std::to_string(cut.read_bytes) + " were searched, the other " + std::to_string(cut.dropped_bytes) +
                        " were left out");
    if (!cut.dropped_concepts.empty())
        notes.push_back("only the first " + std::to_string(question.concepts.size()) + " words and phrases were searched; " +
                        std::to_string(cut.dropped_concepts.size()) + " more were left out: " + listed(cut.dropped_concepts, named));
    return notes;
}

void print_explain_text(std::ostream& out, const SearchResults& results, const ContextResolution* context) {
    for (const std::string& note : cut_notes(results.question, results.question.cut.dropped_concepts.size()))
        out << "Left out: " << note << "\n";
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

AnswerCardOptions card_options(const ResultsDisplay& display) {
    AnswerCardOptions card;
    card.passages = display.card_passages;
    return card;
}

void print_text(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    const std::vector<std::string> notes = cut_notes(results.question, kNamedInNote);
    for (const std::string& note : notes) out << "Note: " << note << "\n";
    if (!notes.empty()) out << "\n";
    if (!results.searched_instead_of.empty())
        out << "Showing results for: " << results.suggestion << "\n(nothing matches \"" << results.searched_instead_of << "\")\n\n";
    else if (!results.suggestion.empty())
        out << "Did you mean: " << results.suggestion << "\n\n";
    if (results.low_confidence)
        out << "Note: the best passage shares no word of the question's subject, only question words: the indexed "
               "articles may not answer it.\n\n";
    if (display.answer) {
        out << render_answer_card(build_answer_card(results.hits, card_options(display)), display.colour);
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
        if (!results.mesh_facets.empty()) {
            // An index of PubMed records holds thousands of headings: the most frequent, and how many more.
            const std::size_t shown = std::min(results.mesh_facets.size(), kMeshFacetsShown);
            out << "MeSH:";
            for (std::size_t i = 0; i < shown; ++i) out << "  " << results.mesh_facets[i].value << " (" << results.mesh_facets[i].count << ")";
            if (shown < results.mesh_facets.size()) out << "  ... " << results.mesh_facets.size() - shown << " more (--json lists all)";
            out << "\n";
        }
    }
    if (display.explain) print_explain_text(out, results, context);
    if (!display.answer) out << "(" << results.estimated_matches << " matching passages)\n";
}

void print_json(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    // One JSON object per hit per line (or the card on one line); the rest on lines of their own, marked by "type".
    if (display.answer)
        out << json_line(answer_card_json(build_answer_card(results.hits, card_options(display))));
    else
        for (const Hit& hit : results.hits) out << json_line(hit_json(hit));
    // The summary comes on every page, also an empty one, so a reader of the lines knows the total.
    nlohmann::json summary = summary_json(results);
    summary["type"] = "summary";
    out << json_line(summary);
    if (!results.suggestion.empty()) out << json_line({{"type", "suggestion"}, {"text", results.suggestion}});
    if (const QuestionCut& cut = results.question.cut; !cut.empty())
        out << json_line({{"type", "cut"},
                          {"read_bytes", cut.read_bytes},
                          {"dropped_bytes", cut.dropped_bytes},
                          {"dropped_concepts", cut.dropped_concepts},
                          {"notes", cut_notes(results.question, kNamedInNote)}});
    if (display.facets) {
        nlohmann::json facets = facets_json(results);
        facets["type"] = "facets";
        out << json_line(facets);
    }
    if (display.explain) out << json_line({{"type", "explain"}, {"added", expansions_json(results.expansions)}});
    if (context != nullptr) {
        nlohmann::json line = context_json(results, *context);
        line["type"] = "context";
        out << json_line(line);
    }
}

}  // namespace

bool use_colour(const std::string& setting) {
    if (setting == "always") return true;
    if (setting == "never") return false;
    return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
}

SearchOptions options_for_display(SearchOptions options, const ResultsDisplay& display) {
    return display.answer ? with_card_candidates(std::move(options)) : options;
}

void print_results(std::ostream& out, const SearchResults& results, const ResultsDisplay& display, const ContextResolution* context) {
    if (display.json)
        print_json(out, results, display, context);
    else
        print_text(out, results, display, context);
}

}  // namespace medsearch::cli
