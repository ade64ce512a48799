// `medsearch search`: one question, ranked passages with highlights and citations; with --session, the
// next turn of a saved conversation.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/engine_flags.h"
#include "cli/number_checks.h"
#include "cli/results_output.h"
#include "cli/session_flags.h"
#include "conversation/answer_turn.h"
#include "query/filters.h"

namespace medsearch::cli {

namespace {

struct SearchArguments {
    std::vector<std::string> db;
    std::vector<std::string> words;
    SearchOptions options;
    ResultsDisplay display;
    std::string colour = "auto";
    EngineFlags engine;
    SessionFlags sessions;  // --session: this search is the next turn of a saved conversation
};

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

int run_search(const SearchArguments& args) {
    // Open the index and ask.
    const Engine engine(as_paths(args.db), args.engine.options());
    const Searcher searcher(engine);
    ResultsDisplay display = args.display;
    display.facets = args.options.facets;
    display.colour = use_colour(args.colour);
    display.card_passages = args.options.limit;
    const SearchOptions options = options_for_display(args.options, display);

    if (args.sessions.session.empty()) {
        print_results(std::cout, searcher.search(join_words(args.words), options), display);
    } else {
        // One turn of the named conversation: its earlier turns give the context, this one is saved with them,
        // under the session's lock so that a turn another process adds meanwhile is not lost.
        const SessionStore store = args.sessions.store();
        const AnsweredTurn turn = [&] {
            const SessionLock lock = store.lock(args.sessions.session);
            Conversation conversation(engine, store.load(args.sessions.session));
            AnsweredTurn answered = answer_turn(conversation, engine, searcher, join_words(args.words), options);
            store.save(args.sessions.session, conversation.state());
            return answered;
        }();
        print_results(std::cout, turn.results, display, &turn.resolution);
    }
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::failure;
}

// A --mesh value must name a heading: "" or "*" would filter by nothing the user can see.
CLI::Validator mesh_heading() {
    return CLI::Validator(
        [](const std::string& value) -> std::string {
            if (mesh_filter_keys(value).empty()) return "'" + value + "' names no MeSH heading or keyword (give one, e.g. Leukopenia)";
            return {};
        },
        "HEADING");
}

}  // namespace

void add_search_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<SearchArguments>();
    CLI::App* command = app.add_subcommand("search", "Rank passages for a question; matching words highlighted, citations shown");
    command->footer("The question may be quoted or given as several words. \"quoted words\" must stand together;\n"
                    "-word excludes passages with that word. --json prints one object per hit per line (README).");
    add_index_option(*command, args->db, "The index")->required();
    command->add_option("-k,--limit", args->options.limit, "Passages to show")->check(whole_number(1, max_passages_shown))->capture_default_str();
    command->add_option("--offset", args->options.offset, "Skip this many passages first (paging)")
        ->check(whole_number(0, max_count))->capture_default_str();
    command->add_option("--per-article", args->options.per_article, "At most N passages from one article")->check(whole_number(1, max_passages_shown));
    command->add_option("--section", args->options.filters.sections, "Only this section (name or part: guidelines, fda, research), repeatable");
    command->add_option("--cite", args->options.filters.cites, "Only passages citing reference N, repeatable")->check(whole_number(1, max_reference_number));
    command->add_option("--article", args->options.filters.articles, "Only this article id, repeatable");
    command->add_option("--source", args->options.filters.sources, "Only this source (GARD, scifact, ...), repeatable");
    command->add_option("--mesh", args->options.filters.mesh,
                        "Only articles with this MeSH heading or keyword (Leukopenia, \"Neutropenia/chemically induced\": any case, "
                        "a qualifier ignored), repeatable: each must hold")
        ->check(mesh_heading());
    command->add_flag("--facets", args->options.facets, "Count the matches per section, per source and per MeSH heading");
    command->add_flag("--json", args->display.json, "One JSON object per hit per line");
    command->add_flag("--answer", args->display.answer,
                      "Show an answer card: the best passages grouped as the site's articles are (Guidelines, FDA Drug Label, Research, more)");
    command->add_flag("--explain", args->display.explain, "Show how the question was understood and what was added to it");
    command->add_option("--color", args->colour, "Highlight in colour")->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
    add_engine_flags(*command, args->engine);
    CLI::Option* session = add_session_flags(*command, args->sessions);
    command->get_option("--sessions-dir")->needs(session);
    command->add_option("question", args->words, "The question")->required();
    command->callback([args, &action] { action = [args] { return run_search(*args); }; });
}

}  // namespace medsearch::cli
