// `medsearch search`: one question, ranked passages with highlights and citations.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/engine_flags.h"
#include "cli/hit_rendering.h"
#include "query/searcher.h"

namespace medsearch::cli {

namespace {

struct SearchArguments {
    std::string db;
    std::vector<std::string> words;
    SearchOptions options;
    bool json = false;
    bool explain = false;
    bool answer = false;
    std::string colour = "auto";
    EngineFlags engine;
};

bool use_colour(const std::string& setting) {
    if (setting == "always") return true;
    if (setting == "never") return false;
    return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

void print_text(const SearchResults& results, const SearchArguments& args) {
    const bool colour = use_colour(args.colour);
    if (!results.suggestion.empty()) std::cout << "Did you mean: " << results.suggestion << "\n\n";
    if (results.hits.empty()) std::cout << "No passages match.\n";
    for (const Hit& hit : results.hits) std::cout << render_hit(hit, colour) << "\n";
    if (args.options.facets) {
        std::cout << "Sections:";
        for (const FacetCount& facet : results.section_facets) std::cout << "  " << facet.value << " (" << facet.count << ")";
        std::cout << "\nSources:";
        for (const FacetCount& facet : results.source_facets) std::cout << "  " << facet.value << " (" << facet.count << ")";
        std::cout << "\n";
    }
    if (args.explain) {
        std::cout << "Question concepts:";
        for (const Concept& c : results.question.concepts) {
            std::cout << " " << (c.excluded ? "-" : "") << concept_key(c);
            if (c.frame) std::cout << "(question word)";
            if (c.referent) std::cout << "(refers back)";
        }
        std::cout << "\n";
        for (const Expansion& expansion : results.expansions)
            std::cout << "  added \"" << expansion.expression << "\" weight " << expansion.weight << ": " << expansion.reason << "\n";
    }
    std::cout << "(" << results.estimated_matches << " matching passages)\n";
}

void print_json(const SearchResults& results, const SearchArguments& args) {
    // One JSON object per hit per line; suggestion and facets on lines of their own, marked by "type".
    for (const Hit& hit : results.hits) std::cout << hit_json(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (!results.suggestion.empty()) std::cout << nlohmann::json{{"type", "suggestion"}, {"text", results.suggestion}}.dump() << "\n";
    if (args.options.facets) {
        nlohmann::json sections = nlohmann::json::object(), sources = nlohmann::json::object();
        for (const FacetCount& facet : results.section_facets) sections[facet.value] = facet.count;
        for (const FacetCount& facet : results.source_facets) sources[facet.value] = facet.count;
        std::cout << nlohmann::json{{"type", "facets"}, {"sections", sections}, {"sources", sources}}.dump() << "\n";
    }
    if (args.explain) {
        nlohmann::json added = nlohmann::json::array();
        for (const Expansion& e : results.expansions) added.push_back({{"expression", e.expression}, {"weight", e.weight}, {"reason", e.reason}});
        std::cout << nlohmann::json{{"type", "explain"}, {"added", added}}.dump() << "\n";
    }
}

// How many ranked passages the answer card chooses from.
constexpr std::size_t kAnswerCandidates = 30;

int run_search(const SearchArguments& args) {
    // Open the index and ask.
    const Engine engine(args.db, args.engine.options());
    const Searcher searcher(engine);
    SearchOptions options = args.options;
    if (args.answer) {
        // The card picks from more passages than it shows.
        options.limit = std::max<std::size_t>(options.limit, kAnswerCandidates);
    }
    const SearchResults results = searcher.search(join_words(args.words), options);

    // Show the answer card or the hits.
    if (args.answer) {
        const AnswerCard card = build_answer_card(results.hits);
        if (args.json)
            std::cout << answer_card_json(card).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else
            std::cout << render_answer_card(card, use_colour(args.colour));
    } else if (args.json)
        print_json(results, args);
    else
        print_text(results, args);
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_search_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<SearchArguments>();
    CLI::App* command = app.add_subcommand("search", "Rank passages for a question; matching words highlighted, citations shown");
    command->footer("The question may be quoted or given as several words. \"quoted words\" must stand together;\n"
                    "-word excludes passages with that word. --json prints one object per hit per line (README).");
    command->add_option("--db", args->db, "Index folder")->required()->check(CLI::ExistingDirectory);
    command->add_option("-k,--limit", args->options.limit, "Passages to show")->check(CLI::Range(1, 10000))->capture_default_str();
    command->add_option("--offset", args->options.offset, "Skip this many passages first (paging)")
        ->check(CLI::NonNegativeNumber)->capture_default_str();
    command->add_option("--per-article", args->options.per_article, "At most N passages from one article")->check(CLI::PositiveNumber);
    command->add_option("--section", args->options.filters.sections, "Only this section (name or part: guidelines, fda, research), repeatable");
    command->add_option("--cite", args->options.filters.cites, "Only passages citing reference N, repeatable")->check(CLI::PositiveNumber);
    command->add_option("--article", args->options.filters.articles, "Only this article id, repeatable");
    command->add_option("--source", args->options.filters.sources, "Only this source (GARD, scifact, ...), repeatable");
    command->add_flag("--facets", args->options.facets, "Count the matches per section and per source");
    command->add_flag("--json", args->json, "One JSON object per hit per line");
    command->add_flag("--answer", args->answer,
                      "Show an answer card: the best passages grouped as the site's articles are (Guidelines, FDA Drug Label, Research, more)");
    command->add_flag("--explain", args->explain, "Show how the question was understood and what was added to it");
    command->add_option("--color", args->colour, "Highlight in colour")->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
    add_engine_flags(*command, args->engine);
    command->add_option("question", args->words, "The question")->required();
    command->callback([args, &action] { action = [args] { return run_search(*args); }; });
}

}  // namespace medsearch::cli
