// `medsearch relink`: find every article's nearest articles again. Index runs keep them current
// incrementally (only new and changed articles, and those near them, are linked); this full
// recomputation is for changing how many are kept, or after the corpus has changed a great deal.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "indexer/index_writer.h"
#include "indexer/open_index.h"

namespace medsearch::cli {

namespace {

struct RelinkArguments {
    std::string db;
    std::size_t neighbours = NeighbourOptions{}.neighbours;
};

std::atomic<bool> relink_stop{false};

extern "C" void request_relink_stop(int) { relink_stop.store(true); }

int run_relink(const RelinkArguments& args) {
    open_index(args.db);  // never create an index just to link it
    IndexWriter writer(args.db);
    NeighbourOptions options = writer.linked_neighbour_options();
    options.neighbours = args.neighbours;
    std::signal(SIGINT, request_relink_stop);
    std::signal(SIGTERM, request_relink_stop);
    writer.unlink_all();
    const LinkSummary summary = writer.link_pending(options, &relink_stop);
    std::fprintf(stderr, "linked %zu articles to their %zu nearest%s\n", summary.linked, options.neighbours,
                 summary.pending > 0 ? (("; interrupted, " + std::to_string(summary.pending) +
                                         " await theirs (the next index run or relink finds them)")
                                            .c_str())
                                     : "");
    return summary.pending > 0 ? 130 : exit_code::ok;
}

}  // namespace

void add_relink_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<RelinkArguments>();
    CLI::App* command = app.add_subcommand("relink", "Find every article's nearest articles again (index runs link new ones themselves)");
    command->add_option("--db", args->db, "Index folder")->required()->check(CLI::ExistingDirectory);
    command->add_option("--neighbours", args->neighbours, "Nearest articles kept per article")
        ->type_name("N")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100}));
    command->callback([args, &action] { action = [args] { return run_relink(*args); }; });
}

}  // namespace medsearch::cli
